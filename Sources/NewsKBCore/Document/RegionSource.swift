/// Where a document's region came from.
public enum RegionSource: String, Sendable {
    /// The input record or the run (`--region`) named it.
    case input
    /// Its own wording (detect.region.v1: 人民幣 and 國務院 on a mainland page).
    case detected
    /// The pipeline's default region: the input named none and the wording decided nothing.
    case pipeline
}
