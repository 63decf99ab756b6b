import NewsKBCore
import Testing

/// One row of fixtures/recognizer-cases/names.tsv.
struct NameCase: CustomTestStringConvertible, Sendable {
    let text, name, expect, source: String
    var testDescription: String { "\(expect) \(name): \(source)" }

    static let all: [NameCase] = Repo.cases("recognizer-cases/names.tsv").map {
        NameCase(text: $0["text"]!, name: $0["name"]!, expect: $0["expect"]!, source: $0["source"]!)
    }
}

@Suite("Institutions and programmes")
struct NameRecognizerTests {
    func names(_ text: String, published: String = "2024-06-20") throws -> [(String, MentionType, String?)] {
        let doc = try Repo.run(text, published: published)
        return doc.mentions.filter { $0.type == .institution || $0.type == .programme }.map { (doc.text(of: $0), $0.type, $0.entityID) }
    }

    @Test("lexicon names resolve to one entity whatever the alias or script", arguments: [
        ("創新科技及工業局", "inst:itib"), ("创新科技及工业局", "inst:itib"), ("創科及工業局", "inst:itib"), ("创科及工业局", "inst:itib"),
        ("香港中文大學", "inst:cuhk"), ("港中大", "inst:cuhk"), ("香港中文大学", "inst:cuhk"),
        ("食物環境衞生署", "inst:fehd"), ("食物環境衛生署", "inst:fehd"), ("食物环境卫生署", "inst:fehd"),
        ("滙豐銀行", "inst:hsbc"), ("匯豐銀行", "inst:hsbc"),
        ("高端人才通行證計劃", "prog:ttps"), ("高才通", "prog:ttps"), ("高端人才通行证计划", "prog:ttps"),
        ("RAISe+ Scheme", "prog:raise-plus"), ("ＲＡＩＳｅ＋", "prog:raise-plus"), ("「產學研1+」計劃", "prog:raise-plus"),
        // International, national, Party and armed bodies by their short names.
        ("聯合國安理會", "inst:unsc"), ("欧盟", "inst:eu"), ("中共中央", "inst:cpc-cc"), ("全國人大常委會", "inst:cn-npcsc"),
        ("日軍", "inst:jp-forces"), ("無綫電視", "inst:hk-tvb"), ("港交所", "inst:hkex"),
        // Charities and funders, welfare schemes and national programmes by their usual names.
        ("馬會慈善信託基金", "inst:hkjcct"), ("香港红十字会", "inst:hkrc"), ("公益金", "inst:communitychest"),
        ("綜援", "prog:cssa"), ("综合社会保障援助计划", "prog:cssa"), ("長生津", "prog:oala"), ("关爱基金", "prog:communitycare"),
        ("希望工程", "prog:cn-hope"), ("863計劃", "prog:cn-863"), ("前瞻計畫", "prog:tw-forward"),
        // Newspapers, broadcasters' channels and football clubs by the names papers use.
        ("明報", "inst:hk-mingpao"), ("南华早报", "inst:hk-scmp"), ("翡翠台", "inst:hk-tvb-jade"), ("曼聯", "inst:fc-manutd"), ("皇馬", "inst:fc-realmadrid"),
    ])
    func lexicon(_ surface: String, _ id: String) throws {
        let found = try names("近日，\(surface)公布了新安排。")
        #expect(found.count == 1 && found[0].0 == surface && found[0].2 == id, "\(found)")
    }

    // Universal NER Chinese-GSD train (Wikipedia, CC BY-SA 4.0): a body's own country before its
    // name is part of the mention, and it stays that body (name-home-prefixes.tsv).
    @Test("the body's own country before its name belongs to the mention, the entity unchanged", arguments: [
        ("中華人民共和國國家發展和改革委員會，是中華人民共和國國務院的重要組成部門。", "中華人民共和國國家發展和改革委員會", "inst:ndrc"),
        ("中華人民共和國國家發展和改革委員會，是中華人民共和國國務院的重要組成部門。", "中華人民共和國國務院", "inst:statecouncil"),
    ])
    func homePrefix(_ text: String, _ surface: String, _ id: String) throws {
        let found = try names(text)
        #expect(found.contains { $0.0 == surface && $0.2 == id }, "\(found)")
    }

    // A form seen in People's Daily 1998 (PD dev; its text is not stored here): a foreign country
    // before a national body the lexicon has for the mainland is that country's body, not the mainland's.
    @Test("a foreign country's ministry is its own body, a known body of that country keeps its entity")
    func foreignBody() throws {
        let india = try names("印度外交部发言人说")
        #expect(india.map(\.0) == ["印度外交部"] && india[0].2 != "inst:cn-mfa", "\(india)")
        #expect(try names("中國外交部發言人說").map(\.2) == ["inst:cn-mfa"])
        #expect(try names("美國聯儲局宣布加息").map { [$0.0, $0.2 ?? ""] } == [["美國聯儲局", "inst:fed"]])
        #expect(try names("美國聯合國大使發言").map(\.2) == ["inst:un"])
    }

    @Test("創科局 is the bureau in office on the published date")
    func renamedAlias() throws {
        #expect(try names("創科局今日宣布", published: "2021-05-01").first?.2 == "inst:itb")
        #expect(try names("創科局今日宣布", published: "2024-05-01").first?.2 == "inst:itib")
    }

    @Test("renamed bodies stay distinct, joined by renamed_to")
    func renamedRelation() throws {
        let doc = try Repo.run("創新及科技局於7月1日改名為創新科技及工業局。")
        let ids = doc.mentions.compactMap(\.entityID)
        #expect(ids == ["inst:itb", "inst:itib"])
        #expect(doc.relations.contains { $0.type == .renamedTo && $0.subject == "inst:itb" && $0.object == .entity("inst:itib") })
    }

    @Test("case table: names found by suffix, guards that keep words out", arguments: NameCase.all)
    func caseTable(_ c: NameCase) throws {
        let found = try names(c.text)
        switch c.expect {
        case "none": #expect(found.isEmpty, "\(found)")
        case "not": #expect(!found.contains { $0.0 == c.name }, "\(found)")
        default: #expect(found.contains { $0.0 == c.name && $0.1.rawValue == c.expect }, "\(found)")
        }
    }

    // UNER Chinese-GSD train (Wikipedia, CC BY-SA 4.0): an alias that is a kind of body as much as
    // a name (name-bare-aliases.txt) is the lexicon's body alone, another body after a name of its own.
    @Test("a name before a bare alias makes another body", arguments: [
        ("哈爾濱理工大學門前，學府路與學府二道街交口處。", "哈爾濱理工大學", "inst:polyu"),
        ("田納西州最高法院一致通過撤銷上訴法庭的判決。", "田納西州最高法院", "inst:cn-spc"),
        ("在2001年，歐洲太空總署制定了黎明計畫。", "歐洲太空總署", "inst:nasa"),
        // A Hong Kong department's name after a mainland city is that city's bureau: the signature of a
        // Shenzhen notice, 2020-01-29 (ecfamily.com).
        ("專此通知。\n深圳市教育局\n2020年1月29日", "深圳市教育局", "inst:edb"),
        // Every mainland province has its 教育考試院 (the bare alias is the whole suffix 考試院): bodies'
        // names, in both scripts; alone (below) 考試院 stays the Examination Yuan.
        ("廣東省教育考試院公布分數線。", "廣東省教育考試院", "inst:tw-exy"),
        ("湖北省教育考试院发布公告。", "湖北省教育考试院", "inst:tw-exy"),
    ])
    func bareAlias(_ text: String, _ name: String, _ notEntity: String) throws {
        let found = try names(text)
        #expect(found.contains { $0.0 == name && $0.2 != notEntity }, "\(found)")
        #expect(!found.contains { $0.2 == notEntity }, "\(found)")
    }

    // Constructed: a rule-found name that is the tail of a name the document gave earlier is
    // that body (EntityResolver), not a body of its own; before any such name it stays apart.
    @Test("a committee or faculty named by its tail after its full name is the same entity")
    func tailOfEarlierName() throws {
        let found = try names("中共河北省委召開會議。省委書記出席。他任職於香港中文大學工程學院。工程學院院長表示")
        let ids = Dictionary(found.map { ($0.0, $0.2) }, uniquingKeysWith: { a, _ in a })
        #expect(ids["省委"] == ids["中共河北省委"] && ids["省委"] != nil, "\(found)")
        #expect(ids["工程學院"] == ids["香港中文大學工程學院"] && ids["工程學院"] != nil, "\(found)")
        let before = try names("省委書記出席。中共河北省委召開會議。")
        #expect(Set(before.map(\.2)).count == 2, "\(before)")
    }

    // A congress is one entity however the text names it (name-congresses.tsv): 十五大 alone, after
    // 黨的, or with the party's short name before it, in either script.
    @Test("a party congress named by its number is one entity, with or without the party's name")
    func congress() throws {
        let forms = try ["黨的十五大報告指出", "中共十五大以來", "党的十五大精神"].map { try names($0) }
        #expect(forms.map { $0.map(\.0) } == [["十五大"], ["中共十五大"], ["十五大"]], "\(forms)")
        let ids = Set(forms.flatMap { $0.map(\.2) })
        #expect(ids.count == 1 && ids.first! != nil && ids.first!!.hasPrefix("inst:~"), "\(ids)")
        #expect(try names("第十五大隊出發").allSatisfy { $0.0 != "十五大" })
        #expect(try names("二十大召開").map(\.2) != [ids.first!], "another number, another congress")
    }

    @Test("a bare alias alone, or after the body's own region, is still the lexicon's body", arguments: [
        ("香港理工大學今日公布", "inst:polyu"), ("理工大學今日公布", "inst:polyu"), ("美國國家航空暨太空總署", "inst:nasa"),
        ("香港警務處表示", "inst:hkpf"), ("特區政府教育局表示", "inst:edb"), ("教育局局長表示", "inst:edb"), ("考試院院長表示", "inst:tw-exy"),
    ])
    func bareAliasAlone(_ text: String, _ entity: String) throws {
        #expect(try names(text).contains { $0.2 == entity })
    }

    @Test("a faculty written with a university's short name is the same entity as with its full name")
    func facultyAcrossAliases() throws {
        let doc = try Repo.run("香港中文大學工程學院副院長表示。港中大工程學院亦同意。")
        let ids = Set(doc.mentions.compactMap(\.entityID))
        #expect(ids.count == 1, "\(ids)")
        #expect(doc.relations.contains { $0.type == .partOf && $0.object == .entity("inst:cuhk") })
    }

    @Test("a faculty named in Simplified after a known university has a name in one script, and is one entity with its Traditional form")
    func facultyNameInOneScript() throws {
        // A CWCED page (MIT): 北京大学中国经济研究中心. The entity's name was 北京大學中国经济研究中心.
        let hans = try Repo.run("北京大学中国经济研究中心主任表示。")
        let entity = try #require(hans.entities.values.first { $0.id.hasPrefix("inst:~") })
        #expect(entity.name == "北京大學中國經濟研究中心" && entity.nameHans == "北京大学中国经济研究中心", "\(entity.name)")
        let hant = try Repo.run("北京大學中國經濟研究中心主任表示。")
        #expect(hant.entities.keys.contains(entity.id))
    }
}

@Suite("Relations")
struct RelationFinderTests {
    @Test("an amount the clause allocates to a programme or institution is a funding fact", arguments: [
        ("特區政府斥100億元推出的「產學研1+」計劃公布結果。", "prog:raise-plus", "10000000000"),
        ("政府重點資助100億元的InnoHK創新平台。", "prog:innohk", "10000000000"),
        ("投資逾28億元的香港微電子研發院會成立。", "inst:hkmri", "2800000000"),
        ("政府撥出20億元支持InnoHK創新香港研發平台進駐河套。", "prog:innohk", "2000000000"),
        ("創新及科技基金獲注資50億元。", "prog:itf", "5000000000"),
    ])
    func funding(_ text: String, _ subject: String, _ min: String) throws {
        let doc = try Repo.run(text)
        let f = doc.relations.filter { $0.type == .funding }
        #expect(f.count == 1 && f[0].subject == subject, "\(f)")
        if case .money(let v)? = f.first?.object { #expect(v.min?.description == min) }
    }

    @Test("an amount in another clause is not linked", arguments: [
        "政府投放超過2,000億元，並成立創新科技署。",
        "每個項目獲批1,000萬元至一億元不等，以激勵協作。",
        "立法會財務委員會昨日通過撥款約12億元。",
    ])
    func noFunding(_ text: String) throws {
        #expect(try Repo.run(text).relations.filter { $0.type == .funding }.isEmpty)
    }

    @Test("two names joined by 及 stay two names (budget speech 2021-22 para 155); 食物及衞生局 stays one")
    func coordinatedNames() throws {
        let doc = try Repo.run("香港大學、中文大學及理工大學共獲撥款約十九億元。食物及衞生局表示歡迎。")
        let names = doc.mentions.filter { $0.type == .institution }.map { doc.text(of: $0) }
        #expect(names == ["香港大學", "中文大學", "理工大學", "食物及衞生局"], "\(names)")
        #expect(doc.mentions.first { doc.text(of: $0) == "中文大學" }?.entityID == "inst:cuhk")
    }

    @Test("a ministry two regions' governments both have is the one of the paper's region")
    func ministryByRegion() throws {
        func id(_ text: String, _ region: String?) throws -> String? {
            let doc = try Repo.run(text, region: region)
            return doc.mentions.first { $0.type == .institution }?.entityID
        }
        #expect(try id("教育部編列220億元。", "TW") == "inst:tw-moe")
        #expect(try id("教育部發布通知。", "CN") == "inst:cn-moe")
        #expect(try id("教育部發布通知。", "HK") == "inst:cn-moe", "elsewhere the first listed, Beijing's")
        #expect(try id("經濟部主管編列817億元。", "HK") == "inst:tw-moea", "a name only Taiwan has is Taiwan's anywhere")
        #expect(try id("證監會今日公布。", "HK") == "inst:sfc")
        #expect(try id("证监会今日公布。", "CN") == "inst:cn-csrc")
    }

    @Test("a short name defined in brackets is the same entity later in the document, as a whole word only (Bastille Post 2022-02-23)")
    func bracketAlias() throws {
        let doc = try Repo.run("政府迅速成立了「防疫抗疫基金」（基金），為市民提供援助。財委會批准再向基金注資270億元。另一個基金會表示歡迎。")
        let funds = doc.mentions.filter { $0.type == .programme }
        #expect(funds.map { doc.text(of: $0) } == ["防疫抗疫基金", "基金"])
        #expect(Set(funds.map(\.entityID)) == ["prog:aef"])
        let none = try Repo.run("政府成立了基金。再向基金注資。")
        #expect(none.mentions.filter { $0.type == .programme }.isEmpty, "no definition, no alias")
    }

    @Test("a programme announced on a date")
    func announced() throws {
        let doc = try Repo.run("2022年12月，局長提出了《香港創新科技發展藍圖》。")
        #expect(doc.relations.contains { $0.type == .announcedOn && $0.subject == "prog:blueprint" })
    }

    @Test("a date is not a programme's announcement when the announcing verb only describes it (推出的)")
    func notAnnouncedByModifier() throws {
        // seed hk-innotech-2024: 今年5月28日 dates the first batch of grants, not the programme.
        let doc = try Repo.run("今年5月28日，本屆特區政府斥100億元推出的「產學研1+」計劃公布了首批獲資助的項目。")
        #expect(!doc.relations.contains { $0.type == .announcedOn }, "\(doc.relations)")
    }
}

@Suite("Names in running text")
struct NamesInContextTests {
    @Test("計劃 right after an institution is the verb 'plans', not a scheme")
    func planVerb() throws {
        let doc = try Repo.run("数码港管理有限公司计划于明年投入2亿元。")
        #expect(doc.mentions(.programme).isEmpty)
        #expect(doc.mentions(.institution).first?.entityID == "inst:cyberport")
    }

    @Test("English names inside Chinese text, known or not", arguments: [
        ("運輸署推出 Smart Mobility Grant Scheme，協助業界。", "Smart Mobility Grant Scheme", MentionType.programme, nil as String?),
        ("由 Hong Kong Logistics Development Council 統籌。", "Hong Kong Logistics Development Council", .institution, nil),
        ("政府推出 Technology Talent Admission Scheme。", "Technology Talent Admission Scheme", .programme, "prog:techtas"),
        ("RAISe+ Scheme 亦已推出。", "RAISe+ Scheme", .programme, "prog:raise-plus"),
    ])
    func english(_ text: String, _ name: String, _ type: MentionType, _ id: String?) throws {
        let doc = try Repo.run(text)
        let m = doc.mentions.first { doc.text(of: $0) == name }
        #expect(m?.type == type, "\(doc.mentions.map { doc.text(of: $0) })")
        if let id { #expect(m?.entityID == id) }
    }

    @Test("a suffix that begins inside a known name is not one (香港中文大學會 = CUHK will)")
    func suffixInsideName() throws {
        let doc = try Repo.run("香港中文大學會密切跟進。")
        #expect(doc.mentions(.institution).map { doc.text(of: $0) } == ["香港中文大學"])
    }

    @Test("a suffix that only modifies the next noun makes no name (香港銀行同業拆息)")
    func modifierSuffix() throws {
        let doc = try Repo.run("香港銀行同業拆息上周五回落。")
        #expect(doc.mentions(.institution).isEmpty)
    }
}
