"""Every window opens over a home that never synced (first run): no data, no crash."""

from shopsync.config import load_settings


def test_windows_open_on_a_fresh_home(qtbot, make_hub, wait_io, empty_home):
    from shopsync.gui.controller import AppController

    hub = make_hub(load_settings(empty_home))
    controller = AppController(hub, use_tray=False)
    for show in (controller.show_status, controller.show_brands, controller.show_references,
                 controller.show_settings, controller.show_held, controller.show_wizard):
        window = show()
        qtbot.addWidget(window)
        assert window.isVisible()
    wait_io(hub)
    status = controller.windows["status"]
    assert status.headline.text() == "Configuration en cours"  # the first-run wizard is open
    controller.windows["wizard"].reject()
    qtbot.waitUntil(lambda: status.headline.text() == "Pas encore synchronisé")
    assert controller.windows["brands"].rows == []
    assert controller.windows["references"].rows == []
