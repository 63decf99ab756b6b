import NewsKBCore
import Testing

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

    // People's Daily 1998 (PD dev), a fragment: a foreign country before a national body the
    // lexicon has for the mainland is that country's body, not the mainland's.
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

    @Test("names the lexicon lacks are found by suffix, with the left edge at a stop word", arguments: [
        ("特區政府今年成立新型海洋科技發展辦公室，統籌政策。", "新型海洋科技發展辦公室", MentionType.institution),
        ("當局將聯同深圳市科技創新局推動合作。", "深圳市科技創新局", .institution),
        ("港府推出「數碼轉型支援計劃」，協助中小企。", "數碼轉型支援計劃", .programme),
        ("港府推出「智慧銀髮」計劃，協助長者。", "「智慧銀髮」計劃", .programme),
        ("他任職於香港中文大學工程學院。", "香港中文大學工程學院", .institution),
        ("政府撥款支持土木及環境工程學系的研究。", "土木及環境工程學系", .institution),
        // Real text, with its source.
        ("原住民族委員會補助原住民族綜合發展基金辦理原住民保留地禁伐補償計畫所需經費23.7億元。", "原住民族委員會", .institution),   // ETtoday 2025-08-14
        ("原住民族委員會補助原住民族綜合發展基金辦理原住民保留地禁伐補償計畫所需經費23.7億元。", "原住民族綜合發展基金", .programme),
        ("原住民族委員會補助原住民族綜合發展基金辦理原住民保留地禁伐補償計畫所需經費23.7億元。", "原住民保留地禁伐補償計畫", .programme),
        ("首先，AI新創投資方案編列3億元，透過資金挹注。", "AI新創投資方案", .programme),                  // udn 2025-09-21 (方案, 投資 before the suffix)
        ("教育部編列220億元提供疫後就學貸款補助方案。", "疫後就學貸款補助方案", .programme),             // ETtoday 2023-02-23
        ("另外有35億元用於國立大學附設醫院補助計畫，協助購置智慧化醫療設備。", "國立大學附設醫院補助計畫", .programme), // udn 2025-09-11
        ("公民黨今日召開記者會。", "公民黨", .institution),                                         // 黨
        ("中國新聞社報道，會議今日開幕。", "中國新聞社", .institution),                                   // 社
        ("深圳證券交易所發布公告。", "深圳證券交易所", .institution),                                   // 交易所
        ("港九勞工社團聯會發表聲明。", "港九勞工社團聯會", .institution),                                 // 聯會
        ("國家安全部發布消息。", "國家安全部", .institution),                                           // 部
        ("其次，綠色成長淨零產業方案編列2億元，聚焦減碳。", "綠色成長淨零產業方案", .programme),          // udn 2025-09-21: 零 alone is no count
        ("旅遊基金發出十三筆資助，合共超過二百五十萬元。", "旅遊基金", .programme),                        // Macau daily 2024-11-09: a fund with a two-character head
        ("国发基金指出，2026年度将以新兴科技为主轴。", "国发基金", .programme),                            // udn 2025-09-21, Simplified
        // A leading group and its office, and names longer than 16 characters (the cap is 24):
        // a national census table and a Zhuhai planning office's letterhead (Simplified, public).
        ("制表机关：国务院第一次全国污染源普查领导小组办公室", "国务院第一次全国污染源普查领导小组办公室", .institution),
        ("珠海市哲学社会科学规划领导小组办公室", "珠海市哲学社会科学规划领导小组办公室", .institution),
        // 公署 is a suffix of its own (the one-character 署 inside the word 公署 is none: 簽署).
        ("如未獲滿意答覆，可直接向香港個人資料私隱專員公署（PCPD）投訴", "香港個人資料私隱專員公署", .institution), // a public privacy notice
        ("在基於同意的處理中撤回同意，向香港個人資料私隱專員公署或你所在地的 EU/UK 監管機構投訴", "香港個人資料私隱專員公署", .institution), // another
        // Universal NER Chinese-GSD (Wikipedia, CC BY-SA 4.0), train split: people labelled these ORG.
        // A word of three characters ending in a one-character suffix (中國隊), followed by a
        // one-character word (為, 奪得): the suffix stands.
        ("肖欽和隊友一起，為中國隊奪得失去四年的團體金牌。", "中國隊", .institution),
        ("年逾花甲的張慶黎出任中共河北省委書記。", "中共河北省委", .institution),                // 省委
        ("伊犁農墾局黨委副書記、副局長馬驥擔任了「二·一八」火災善後處理小組組長。", "伊犁農墾局黨委", .institution), // 黨委
        ("1893年，艾伍士搬遷到紐黑文，同年畢業於霍普金斯中學。", "霍普金斯中學", .institution),   // 中學
        ("全德工人聯合會是德國第一個工黨。", "全德工人聯合會", .institution),                    // 聯合會
        ("在1991年8月，英國航空宣佈訂購15架波音777。", "英國航空", .institution),                // 航空
        ("道世民是澳大利亞指揮家，現任香港管弦樂團的指揮。", "香港管弦樂團", .institution),      // 樂團; 現任 is no part of it
        ("21世紀，廈門市歌仔戲劇團排演以他的生平為題材的歌仔戲現代戲《邵江海》。", "廈門市歌仔戲劇團", .institution), // 劇團
        // A name that fills a quotation needs a head of only quotedMinHead characters (春蕾, 2; a bare
        // 計劃 needs 3): nbbaoying.com.cn 2024-05-08, on a 2018-07-30 report (Simplified).
        ("从中国儿童少年基金会获悉，旨在资助困难女童的“春蕾计划”已实施29年。", "春蕾计划", .programme),
        // A head of general words names something particular once it has three of them
        // (genericHeadMaxWords 2): people.com.cn and unwire.hk, both 2018-02-28/03-01 on the budget.
        ("陈茂波还提出预留100亿港元支持建设医疗科技创新平台和人工智能。", "医疗科技创新平台", .programme),
        ("當中包括 100 億元醫療科技創新平台。", "醫療科技創新平台", .programme),
        // A verb before the name is cut off (name-left-stops.txt, from jieba's dictionary).
        ("化名雪莉潛入天衣集團搞垮天衣。", "天衣集團", .institution),
        ("靜華後來發現葉廣義不愛自己便偷取美麗的設計創意投靠雲想集團。", "雲想集團", .institution),
        // A word of time before the name dates it and is no part of it (name-time-words.txt);
        // a role noun before a team is none either (東道主, 前身 in name-stopwords.txt).
        ("1999年合併原上海農學院，2005年合併原上海第二醫科大學。", "上海第二醫科大學", .institution),
        ("由南京中醫學院（現南京中醫藥大學）編纂", "南京中醫藥大學", .institution),
        ("他在1998年世界盃四分之一決賽義大利和東道主法國隊的比賽點球大戰中射失點球", "法國隊", .institution),
        ("它的前身南京機床修理廠，成立於1969年。", "南京機床修理廠", .institution),
        // Suffixes of fleets, agencies, papers, branch and head offices, armies, museums, alliances.
        ("1942年1月，南遣艦隊改編為第一南遣艦隊，仍由小澤任司令。", "第一南遣艦隊", .institution),       // 艦隊
        ("在事後報告中，貝碧嘉被日本氣象廳升格為強烈熱帶風暴。", "日本氣象廳", .institution),           // 廳
        ("他先後在《解放日報》、重慶《新華日報》、《群眾》周刊等報刊任編輯。", "解放日報", .institution), // 日報
        ("2004年，海航集團向民航總局申請發起重新組建旗下的航空企業。", "民航總局", .institution),       // 總局
        ("經統計以馬公分局轄區發生數最多，白沙分局次之。", "馬公分局", .institution),                 // 分局: penghudaily.blogspot.com 2019-12
        ("中國科學院成都分院成立於1978年3月。", "中國科學院成都分院", .institution),                     // 分院: jendow.com.tw
        ("但邦聯軍隊擊潰這些民兵，拯救了她們。", "邦聯軍隊", .institution),                              // 軍隊
        ("該項目由故宮博物院選擇企業及非物質文化遺產傳承人。", "故宮博物院", .institution),              // 博物院
        ("世界福音聯盟是由128個國家的教會網路所形成的聯盟。", "世界福音聯盟", .institution),             // 聯盟
        // Verbs the dictionary list leaves out (name-left-verbs.txt): UNER Chinese-GSD train (CC BY-SA 4.0).
        ("翁明昌去世不久，其子翁大銘接掌華隆集團。", "華隆集團", .institution),
        ("也有人指控芝加哥集團在加恩卡納的帶領下操縱選舉。", "芝加哥集團", .institution),
        ("2004年羅森費爾德離開工作20多年的卡夫公司，轉任百事公司旗下的Frito-Lay公司的執行長。", "百事公司", .institution),
        // A one-character suffix before two lone characters (隊|奪|冠): the segmenter has cut a word
        // into pieces, so the first is no half of a word with the suffix. UNER Chinese-GSD train.
        ("在2006年世界籃球錦標賽中西班牙擊敗希臘隊奪冠。", "希臘隊", .institution),
        // An inner mark (nameInnerMarks) joins the pieces of a transliterated or Latin name; before
        // its first mark the name takes one word or a run of one-character pieces (尤|勒), no more.
        ("2004年羅森費爾德離開卡夫公司，轉任百事公司旗下的Frito-Lay公司的執行長。", "Frito-Lay公司", .institution),
        ("菲利普斯是哈定的朋友、地方百貨商店尤勒-菲利普斯公司所有者詹姆斯·菲利普斯的妻子。", "尤勒-菲利普斯公司", .institution),
        // 代表 is left out of that list: it opens a people's congress (人民代表大會).
        ("近日，北京市人民代表大會常務委員會公布了新安排。", "北京市人民代表大會常務委員會", .institution),
        // A one-verb head names a party unless 的 follows (verb_object_before): skyeconews.com, 2024 (Reuters).
        ("保守黨在一份聲明中表示，在任命繼任者之前，蘇納克將繼續擔任代理領袖。", "保守黨", .institution),
        // A country before 和 is a country, not the first half of a name: xyln.net on the Asian Cup (Simplified).
        ("在这次亚洲杯决赛中,中国和日本队各有优势。", "日本队", .institution),
    ])
    func rules(_ text: String, _ expected: String, _ type: MentionType) throws {
        let found = try names(text)
        #expect(found.contains { $0.0 == expected && $0.1 == type }, "\(found)")
    }

    @Test("a verb and its object, a word half of which is a suffix, are not names", arguments: [
        ("設立100億元「產學研1+」計劃，資助大學研發團隊推動科研成果商品化。", "資助大學"),   // seed hk-innotech-2024
        ("奖券基金上季拨1.6亿助社福计划。", "亿助社"),                                        // news.gov.hk 2005-02-10: 社福 is no 社
        ("港鐵公司研究可行方案。", "港鐵公司研究可行方案"),
        ("利用基金的投資回報推行公私營協作措施。", "利用基金"),                                  // miosy (LegCo approval of the PPP fund): a verb and its object
        // UNER Chinese-GSD (Wikipedia, CC BY-SA 4.0): a verb glued on the left, a generic word alone.
        ("化名雪莉潛入天衣集團搞垮天衣。", "雪莉潛入天衣集團"),
        ("靜華後來發現葉廣義不愛自己便偷取美麗的設計創意投靠雲想集團。", "設計創意投靠雲想集團"),
        ("全德工人聯合會是德國第一個工黨。", "工黨"),                                            // a kind of party, not the British one
        ("其便當都是買來的，就算加熱也是由媽媽負責，父親則在電視台上班。", "電視台"),
        ("国际上许多保险公司", "国际上许多保险公司"),                                        // People's Daily 1998 (PD dev), a fragment: a quantity word
        ("国际上许多保险公司", "保险公司"),                                                  // and a generic head left alone
    ])
    func notThisName(_ text: String, _ wrong: String) throws {
        let found = try names(text)
        #expect(!found.contains { $0.0 == wrong }, "\(found)")
    }

    // Universal NER Chinese-GSD train (Wikipedia, CC BY-SA 4.0): a number and a measure word
    // count things of a kind (name-measure-words.txt).
    @Test("a number and a measure word before a suffix count things, they name none", arguments: [
        "因目前台灣已有11家低成本航空公司進入服務。", "包括工、農、中、建4家國有商業銀行。",
    ])
    func counted(_ text: String) throws {
        let found = try names(text)
        #expect(found.isEmpty, "\(found)")
    }

    @Test("generic words and phrases are not names", arguments: [
        "東北部天氣轉涼。", "政府提出整體解決方案。",
        "香港有6所大學參與。", "政府積極布局。", "新增研發實驗室。", "按計劃逐步進行。", "她的實驗室很大。",
        "企業和大學之間存在鴻溝。", "中大型企業受惠。", "他在處理大量文件。", "香港發展成為國際中心。",
        // A known name ending inside a word (財政部|門): a translation of the PRC's CPA law, public on GitHub.
        "尚不構成犯罪的，由省級財政部門予以警告，可並處5萬元以下罰款",
        // A company named after a river, in the river's name (亞馬遜|河): UNER Chinese-GSD train (CC BY-SA 4.0).
        "巴西就有半游牧民族聚居，分佈於亞馬遜河一帶森林。",
        // UNER Chinese-GSD train (CC BY-SA 4.0): a part of a place (none rows of name-rules.tsv), an
        // ordinal before a one-character suffix, a generic head alone (足球).
        "該屬共有2種，分布於印度東北部、錫金、不丹。", "這兩個地區在許多方面其實與美國中西部更較為接近。",
        "他在西班牙的見聞也促成了他的第三部小說。", "《演員的自我修養》完整出版的有第一部和第二部。",
        "他曾效力於兩家足球俱樂部。",
        // A verb alone before 黨 and 的 after it: the Party is the verb's object (m.gaosan.com; hprc.org.cn 2021-08).
        "坚持党的领导是全面建成小康社会的本质要求。", "不断扩大党的工作覆盖面，增强党的阶级基础。",
    ])
    func negatives(_ text: String) throws {
        let found = try names(text)
        #expect(found.isEmpty, "\(found)")
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
    ])
    func bareAlias(_ text: String, _ name: String, _ notEntity: String) throws {
        let found = try names(text)
        #expect(found.contains { $0.0 == name && $0.2 != notEntity }, "\(found)")
        #expect(!found.contains { $0.2 == notEntity }, "\(found)")
    }

    @Test("a bare alias alone, or after the body's own region, is still the lexicon's body", arguments: [
        ("香港理工大學今日公布", "inst:polyu"), ("理工大學今日公布", "inst:polyu"), ("美國國家航空暨太空總署", "inst:nasa"),
        ("香港警務處表示", "inst:hkpf"), ("特區政府教育局表示", "inst:edb"), ("教育局局長表示", "inst:edb"),
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
