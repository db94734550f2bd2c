//! The one thing a window manager does that the tests need: asking a window to close.
//!
//! Closing through WebDriver destroys the webview at once (WebKitGTK's `close` signal), which
//! skips the app's close handling. A window manager instead sends the window a
//! `WM_DELETE_WINDOW` message, which reaches Tauri as a close request; Xvfb runs no window
//! manager, so the tests send that message themselves.

use x11rb::connection::Connection;
use x11rb::protocol::xproto::{ClientMessageEvent, ConnectionExt, EventMask, MapState, Window};
use x11rb::CURRENT_TIME;

use crate::Result;

/// Sends `WM_DELETE_WINDOW` to the top-level windows on screen titled `title` on `$DISPLAY`.
pub fn request_close(title: &str) -> Result<()> {
    let (connection, screen) = x11rb::connect(None)?;
    let root = connection.setup().roots[screen].root;
    let atom = |name: &str| -> Result<u32> {
        Ok(connection
            .intern_atom(false, name.as_bytes())?
            .reply()?
            .atom)
    };
    let protocols = atom("WM_PROTOCOLS")?;
    let delete_window = atom("WM_DELETE_WINDOW")?;
    let utf8_string = atom("UTF8_STRING")?;
    let net_wm_name = atom("_NET_WM_NAME")?;
    let titled = |window: Window| -> Result<bool> {
        let name = connection
            .get_property(false, window, net_wm_name, utf8_string, 0, 1024)?
            .reply()?;
        Ok(name.value == title.as_bytes())
    };
    // Only windows on screen: GTK keeps unmapped helper windows that may carry the title too.
    let viewable = |window: Window| -> Result<bool> {
        Ok(connection.get_window_attributes(window)?.reply()?.map_state == MapState::VIEWABLE)
    };
    let mut closed = 0;
    for window in connection.query_tree(root)?.reply()?.children {
        if titled(window)? && viewable(window)? {
            let message = ClientMessageEvent::new(
                32,
                window,
                protocols,
                [delete_window, CURRENT_TIME, 0, 0, 0],
            );
            connection.send_event(false, window, EventMask::NO_EVENT, message)?;
            closed += 1;
        }
    }
    if closed == 0 {
        return Err(format!("no window titled {title:?} on screen").into());
    }
    connection.flush()?;
    Ok(())
}
