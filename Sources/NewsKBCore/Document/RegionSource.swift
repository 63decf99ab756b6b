/// Where a document's region came from (the document record's `region_source`).
public enum RegionSource: String, Sendable {
    /// The input record or the run (`--region`) named it.
    case input
    /// The run's metadata file (`--metadata`) named it for this file.
    case metadata
    /// Its address: a host under a region's domain (`.cn`, `.hk`, `.tw`, `.mo`).
    case url
    /// The charset it was written in (GB2312, GBK, GB18030: the mainland's).
    case charset
    /// Its own wording (detect.region.v1: 人民幣 and 國務院 on a mainland page).
    case wording
    /// Its script: Simplified text that names no other region's words.
    case script
    /// The pipeline's default region: nothing else decided.
    case pipeline
}
