// SPDX-License-Identifier: MIT
// The main window as the window suites open it.
#pragma once

#include "mainwindow.h"

#include <QSettings>
#include <QSize>
#include <QString>
#include <QTest>

#include <memory>

namespace testsupport {

/// A main window on settings of its own (an INI file at `iniPath`, cleared first), shown at
/// `size`; with `active` also the active window, for keyboard input. False when it never
/// appeared. Reset `window` before `settings`: the window writes its settings as it goes.
inline bool openWindow(std::unique_ptr<QSettings> &settings, std::unique_ptr<MainWindow> &window,
                       const QString &iniPath, QSize size, bool active = false)
{
    settings = std::make_unique<QSettings>(iniPath, QSettings::IniFormat);
    settings->clear();
    window = std::make_unique<MainWindow>(*settings);
    window->resize(size);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return false;
    if (!active)
        return true;
    window->activateWindow();
    return QTest::qWaitForWindowActive(window.get());
}

} // namespace testsupport
