// SPDX-License-Identifier: MIT
#pragma once

#include "figureoptions.h"
#include "plotspec.h"
#include "session.h"

#include <QByteArray>
#include <QStringList>

class QSettings;

namespace elu {

/// The one registry of persisted settings: every key is named once here, with its default.
/// Reading never trusts the file: a missing, non-numeric, non-finite or out-of-range value
/// falls back to its default and is reported in `problems`, so corrupt settings cannot crash
/// or mislead the app.
class AppSettings
{
public:
    explicit AppSettings(QSettings &settings);

    struct Loaded
    {
        PlotSpec spec;
        PlotLayout layout = PlotLayout::Overlaid;
        FigureOptions figure;
        QStringList problems; ///< one line per value that was replaced by its default
    };
    Loaded load() const;

    void saveSpec(const PlotSpec &parameters);
    void saveFigureOptions(const FigureOptions &options);
    void saveLayout(PlotLayout layout);

    QByteArray windowGeometry() const;
    void saveWindowGeometry(const QByteArray &geometry);

    /// Most recent first, at most 8.
    QStringList recentSessions() const;
    void saveRecentSessions(const QStringList &paths);

    /// Empty when never set.
    QString lastExportFolder() const;
    void saveLastExportFolder(const QString &folder);

private:
    QSettings &m_settings;
};

} // namespace elu
