//! Small inline data for unit tests, so that editing the shipped files never
//! breaks a unit test (the shipped files have their own tests in `tests/`).
//!
//! Four prefectures: 140100 太原市 Taiyuan, 140200 大同市 Datong, 140800 运城市
//! Yuncheng, 141100 吕梁市 Lüliang (in that order), drawn as unit squares.

use super::geo::{parse_boundaries, Region};
use super::indicators::IndicatorSet;
use super::policies::Policies;

/// Indicators `pm25` (numeric, μg/m³; periods 2022 and 2023; Datong has no
/// value), `air-rank` (ordinal best3/middle/worst3 with published ranks,
/// "middle" derived; period 2023-jan-nov, partial) and `air-index-change`
/// (categorical better/worse with `change_pct`; 2023-jan-nov, Lüliang and
/// Datong only). Sources S1 (山西日报, no url) and S3 (太原晚报, with url).
pub(crate) const INDICATORS: &str = r#"{
  "sources": [
    {"id": "S1", "outlet": "山西日报", "title": "全省环境空气质量排名", "date": "2024-01-04"},
    {"id": "S3", "outlet": "太原晚报", "title": "太原市2023年环境空气质量", "date": "2024-01-30",
     "url": "http://www.tynews.com.cn/example.shtml"}
  ],
  "periods": [
    {"id": "2022", "label_zh": "2022年", "label_en": "2022", "start": "2022-01", "end": "2022-12", "partial": false},
    {"id": "2023", "label_zh": "2023年", "label_en": "2023", "start": "2023-01", "end": "2023-12", "partial": false},
    {"id": "2023-jan-nov", "label_zh": "2023年1—11月", "label_en": "Jan–Nov 2023", "start": "2023-01", "end": "2023-11", "partial": true}
  ],
  "indicators": [
    {"id": "pm25", "name_zh": "PM2.5 年均浓度", "name_en": "PM2.5 annual mean", "kind": "numeric", "unit": "μg/m³"},
    {"id": "air-rank", "name_zh": "空气质量全省排名", "name_en": "Air quality rank in the province", "kind": "ordinal",
     "categories": [
       {"id": "best3", "name_zh": "前三（最好）", "name_en": "Best three"},
       {"id": "middle", "name_zh": "中间（第4—8名）", "name_en": "Middle (4th–8th)"},
       {"id": "worst3", "name_zh": "后三（最差）", "name_en": "Worst three"}]},
    {"id": "air-index-change", "name_zh": "综合指数同比变化", "name_en": "Change of the composite index", "kind": "categorical", "remediation": true,
     "categories": [
       {"id": "better", "name_zh": "改善", "name_en": "Better"},
       {"id": "worse", "name_zh": "变差", "name_en": "Worse"}]}
  ],
  "observations": [
    {"indicator": "pm25", "adcode": "140100", "period": "2022", "value": 45, "scope": "市区", "source": "S3"},
    {"indicator": "pm25", "adcode": "140800", "period": "2022", "value": 52, "scope": "全市", "source": "S1"},
    {"indicator": "pm25", "adcode": "140100", "period": "2023", "value": 41, "scope": "市区", "source": "S3", "change_pct": -8.9},
    {"indicator": "pm25", "adcode": "140800", "period": "2023", "value": 49, "scope": "全市", "source": "S1"},
    {"indicator": "pm25", "adcode": "141100", "period": "2023", "value": 38, "source": "S1"},
    {"indicator": "air-rank", "adcode": "140200", "period": "2023-jan-nov", "value": "best3", "source": "S1",
     "rank": {"position": [1, 1], "of": 11, "from": "top"}},
    {"indicator": "air-rank", "adcode": "140100", "period": "2023-jan-nov", "value": "middle", "source": "S1",
     "rank": {"position": [4, 8], "of": 11, "from": "top"}, "derived": true},
    {"indicator": "air-rank", "adcode": "140800", "period": "2023-jan-nov", "value": "worst3", "source": "S1",
     "rank": {"position": [8, 9], "of": 11, "from": "top"}, "note_zh": "与阳泉并列", "note_en": "tied with Yangquan"},
    {"indicator": "air-rank", "adcode": "141100", "period": "2023-jan-nov", "value": "worst3", "source": "S1",
     "rank": {"position": [1, 1], "of": 11, "from": "bottom"}},
    {"indicator": "air-index-change", "adcode": "141100", "period": "2023-jan-nov", "value": "worse", "source": "S1", "change_pct": 12.4},
    {"indicator": "air-index-change", "adcode": "140200", "period": "2023-jan-nov", "value": "better", "source": "S1", "change_pct": -3.5}
  ],
  "province": [
    {"id": "pm25", "label_zh": "PM2.5 年均浓度", "label_en": "PM2.5 annual mean", "period": "2023", "value": 37,
     "unit": "μg/m³", "source": "S1", "headline": true},
    {"id": "pm25", "label_zh": "PM2.5 年均浓度", "label_en": "PM2.5 annual mean", "period": "2022", "value": 38,
     "unit": "μg/m³", "source": "S1"}
  ]
}"#;

/// Themes air, water, soil; task `pollution-battle`; campaigns
/// `yellow-river-counties` and `fen-valley`; regions `province` (all four),
/// `yellow-river-mainstem` (Lüliang and Yuncheng, three counties),
/// `fen-valley` (wholly uncertain: Taiyuan, Lüliang, Yuncheng), `north-pair`
/// (Taiyuan, Datong; Datong uncertain) and `datong`; six measures (see
/// [`policies`]).
pub(crate) const POLICIES: &str = r#"{
  "count_indicator": {
    "periods": [{"id": "2024-policy-text", "label_zh": "2024年5—6月发布", "label_en": "published May–Jun 2024",
                 "start": "2024-05", "end": "2024-06", "partial": false}],
    "indicators": [{"id": "measure-count", "name_zh": "点名该市的措施数", "name_en": "Measures that name the city",
                    "kind": "numeric", "unit": "项 measures", "lower_is_better": true}],
    "observations": [{"indicator": "measure-count", "adcode": "each city", "period": "2024-policy-text", "value": 0,
                      "source": "S1", "derived": true, "note_zh": "由政策措施数据计算", "note_en": "computed from the measures data"}]
  },
  "themes": [
    {"id": "air", "name_zh": "蓝天", "name_en": "Air"},
    {"id": "water", "name_zh": "碧水", "name_en": "Water"},
    {"id": "soil", "name_zh": "净土", "name_en": "Soil"}
  ],
  "tasks": [{"id": "pollution-battle", "name_zh": "持续深入打好污染防治攻坚战", "name_en": "Keep fighting the battle against pollution"}],
  "campaigns": [
    {"id": "yellow-river-counties", "name_zh": "黄河干流流经县生态环境综合治理", "name_en": "Overhaul of the Yellow River counties"},
    {"id": "fen-valley", "name_zh": "汾河谷地大气治理", "name_en": "Clean air in the Fen valley"}
  ],
  "regions": [
    {"id": "province", "name_zh": "全省", "name_en": "Province-wide",
     "prefectures": ["140100", "140200", "140800", "141100"],
     "basis_zh": "原文即指全省。", "basis_en": "The text itself."},
    {"id": "yellow-river-mainstem", "name_zh": "黄河干流流经县", "name_en": "Counties on the Yellow River main stem",
     "prefectures": ["141100", "140800"],
     "counties": [
       {"adcode": "141123", "name_zh": "兴县", "name_en": "Xingxian"},
       {"adcode": "141124", "name_zh": "临县", "name_en": "Linxian"},
       {"adcode": "140882", "name_zh": "河津市", "name_en": "Hejin"}],
     "basis_zh": "新闻报道", "basis_en": "News reports"},
    {"id": "fen-valley", "name_zh": "汾河谷地", "name_en": "Fen valley",
     "prefectures": ["140100", "141100", "140800"], "uncertain": true,
     "basis_zh": "按流域推断", "basis_en": "Inferred from the river basin"},
    {"id": "north-pair", "name_zh": "北部两市", "name_en": "Two northern cities",
     "prefectures": ["140100", "140200"], "uncertain": true, "uncertain_prefectures": ["140200"],
     "basis_zh": "部分文件含大同", "basis_en": "Some documents count Datong"},
    {"id": "datong", "name_zh": "大同", "name_en": "Datong", "prefectures": ["140200"],
     "basis_zh": "原文", "basis_en": "The text"}
  ],
  "measures": [
    {"id": "air-ozone-winter", "title_zh": "臭氧与冬季污染治理", "title_en": "Ozone and winter pollution",
     "text_zh": "协同治理臭氧和冬季重污染天气。", "summary_en": "Tackle ozone and heavy winter pollution together.",
     "themes": ["air"], "task": "pollution-battle", "indicators": ["pm25"],
     "figures": [{"label_zh": "重污染天数", "label_en": "heavily polluted days", "value": 3, "unit": "天"}],
     "targets": ["province"],
     "source": {"paper": "山西晚报", "date": "2024-05-29", "event_zh": "新闻发布会", "event_en": "Press conference"}},
    {"id": "campaign-yellow-river-counties", "title_zh": "黄河干流流经县综合治理", "title_en": "Yellow River counties",
     "text_zh": "推进黄河干流流经县生态环境综合治理。", "summary_en": "Overhaul the counties on the Yellow River.",
     "themes": ["water", "soil"], "task": "pollution-battle", "campaign": "yellow-river-counties",
     "targets": ["yellow-river-mainstem"],
     "source": {"paper": "山西晚报", "date": "2024-05-29", "event_zh": "新闻发布会", "event_en": "Press conference"}},
    {"id": "campaign-fen-valley", "title_zh": "汾河谷地大气治理", "title_en": "Fen valley air",
     "text_zh": "深化汾河谷地大气污染治理。", "summary_en": "Clean the air of the Fen valley.",
     "themes": ["air"], "campaign": "fen-valley", "targets": ["fen-valley"],
     "source": {"paper": "山西晚报", "date": "2024-06-04", "event_zh": "新闻发布会", "event_en": "Press conference"}},
    {"id": "air-clean-heating", "title_zh": "清洁取暖", "title_en": "Clean heating",
     "text_zh": "推进北部城市清洁取暖。", "summary_en": "Clean heating in the north.",
     "themes": ["air"], "targets": ["north-pair"],
     "source": {"paper": "山西晚报", "date": "2024-06-04", "event_zh": "新闻发布会", "event_en": "Press conference"}},
    {"id": "project-datong", "title_zh": "大同矿区修复", "title_en": "Datong mine restoration",
     "text_zh": "修复大同采煤沉陷区。", "summary_en": "Restore Datong's subsided mining land.",
     "themes": ["soil", "water"], "targets": ["datong", "north-pair"],
     "source": {"paper": "山西晚报", "date": "2024-06-04", "event_zh": "新闻发布会", "event_en": "Press conference"}},
    {"id": "soil-construction", "title_zh": "建设用地安全利用", "title_en": "Safe use of building land",
     "text_zh": "保障建设用地安全利用。", "summary_en": "Keep building land safe to use.",
     "themes": ["soil"], "targets": ["province"],
     "source": {"paper": "山西晚报", "date": "2024-06-04", "event_zh": "新闻发布会", "event_en": "Press conference"}}
  ]
}"#;

/// The four prefectures as unit squares, with boundary metadata; Taiyuan and
/// Datong carry label points, the others get the default.
pub(crate) const PREFECTURES: &str = r#"{"type": "FeatureCollection",
  "metadata": {"source_zh": "测试边界", "source_en": "Test boundaries", "notice_zh": "示意图", "notice_en": "Schematic map",
               "approval_number": null},
  "features": [
    {"type": "Feature", "properties": {"adcode": "140100", "name_zh": "太原市", "name_en": "Taiyuan", "label": [112.4, 37.9]},
     "geometry": {"type": "Polygon", "coordinates": [[[112, 37.5], [113, 37.5], [113, 38.5], [112, 38.5], [112, 37.5]]]}},
    {"type": "Feature", "properties": {"adcode": "140200", "name_zh": "大同市", "name_en": "Datong", "label": [113.5, 40]},
     "geometry": {"type": "Polygon", "coordinates": [[[113, 39.5], [114, 39.5], [114, 40.5], [113, 40.5], [113, 39.5]]]}},
    {"type": "Feature", "properties": {"adcode": "140800", "name_zh": "运城市", "name_en": "Yuncheng"},
     "geometry": {"type": "Polygon", "coordinates": [[[110.5, 34.8], [111.5, 34.8], [111.5, 35.8], [110.5, 35.8], [110.5, 34.8]]]}},
    {"type": "Feature", "properties": {"adcode": "141100", "name_zh": "吕梁市", "name_en": "Lüliang"},
     "geometry": {"type": "MultiPolygon", "coordinates": [[[[111, 37], [112, 37], [112, 38], [111, 38], [111, 37]]]]}}
  ]}"#;

/// [`INDICATORS`], parsed.
pub(crate) fn indicators() -> IndicatorSet {
    IndicatorSet::parse("fixture-indicators.json", INDICATORS).expect("valid fixture")
}

/// [`POLICIES`], parsed. Measures: `air-ozone-winter` (air; province),
/// `campaign-yellow-river-counties` (water, soil; Yellow River counties),
/// `campaign-fen-valley` (air; Fen valley), `air-clean-heating` (air; north
/// pair), `project-datong` (soil, water; Datong and the north pair),
/// `soil-construction` (soil; province).
pub(crate) fn policies() -> Policies {
    Policies::parse("fixture-policies.json", POLICIES).expect("valid fixture")
}

/// [`PREFECTURES`], parsed: 140100, 140200, 140800, 141100.
pub(crate) fn prefectures() -> Vec<Region> {
    parse_boundaries("fixture-prefectures.geojson", PREFECTURES)
        .expect("valid fixture")
        .regions
}

/// The shipped indicator file, for the tests of what is drawn from its real
/// values (trends, strips): they change when the file does, on purpose.
pub(crate) fn shipped_indicators() -> IndicatorSet {
    let text = include_str!("../../public/data/indicators.json");
    IndicatorSet::parse("indicators.json", text).expect("the shipped file parses")
}

/// The regions of a shipped boundary file (`geo/<file>`): the 11 prefectures
/// or the 117 counties, with their prefectures as parents.
pub(crate) fn shipped_regions(file: &str) -> Vec<Region> {
    let path = format!("{}/geo/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("the shipped boundaries");
    parse_boundaries(file, &text).expect("they parse").regions
}
