//! Pure presentation: the data and the map's classes turned into words and rows
//! (tooltip and city detail lines, the indicator table, the comparison).

pub mod caption;
pub mod compare;
pub mod describe;
pub mod table;
pub mod targets;
pub mod trend;
