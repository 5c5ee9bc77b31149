//! The map's caption for shipped views, in both languages, read from the data.

mod common;

use shanxi_eco_map::i18n::Lang;
use shanxi_eco_map::present::caption::caption;

fn both(indicator: &str, period: &str) -> (String, String) {
    let set = common::indicators();
    let regions = common::boundaries(common::PREFECTURES).regions;
    let c = |lang| caption(&set, indicator, period, &regions, lang).unwrap_or_default();
    (c(Lang::Zh), c(Lang::En))
}

#[test]
fn the_default_view_names_best_worst_and_the_tie() {
    let (zh, en) = both("air-rank", "2023-jan-nov");
    println!("{zh}\n{en}");
    assert_eq!(
        zh,
        "2023年1—11月，空气质量全省排名：最好的是大同、朔州、长治，最差的是临汾、太原，运城与阳泉并列倒数第三。来源：山西日报。"
    );
    assert_eq!(
        en,
        "Jan–Nov 2023, air quality rank in the province: best Datong, Shuozhou and Changzhi; worst Linfen and Taiyuan, with Yuncheng and Yangquan tied third from last. Source: Shanxi Daily."
    );
}

#[test]
fn a_tie_for_first_and_a_numeric_layer_and_categories() {
    let (zh, en) = both("air-rank", "2022-02");
    println!("{zh}\n{en}");
    assert!(
        zh.contains("最好的是忻州与大同并列第一，其次是吕梁，最差的是运城、晋城、临汾"),
        "{zh}"
    );
    assert!(
        en.contains(
            "best Xinzhou and Datong tied first, then Lüliang; worst Yuncheng, Jincheng and Linfen"
        ),
        "{en}"
    );
    let (zh, en) = both("pm25", "2023");
    println!("{zh}\n{en}");
    assert!(
        zh.contains("最低的是阳泉（38 μg/m³），最高的是运城（49 μg/m³）"),
        "{zh}"
    );
    assert!(zh.contains("8个城市无数据"), "{zh}");
    assert!(en.contains("8 cities have no data"), "{en}");
    let (zh, en) = both("air-vs-region", "2023-06");
    println!("{zh}\n{en}");
    assert!(zh.contains("与区域平均持平：忻州"), "{zh}");
    assert!(en.contains("Equal to the average: Xinzhou"), "{en}");
}
