//! Mounts the app. Nothing else lives here.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(shanxi_eco_map::app::App);
}
