// SPDX-License-Identifier: MIT
#include "appsettings.h"

#include "curvespec.h"

#include <QSettings>

#include <cmath>
#include <limits>

namespace elu {

namespace {

namespace key {
const QString curves = QStringLiteral("parameters/curves");
const QString alpha = QStringLiteral("parameters/alpha"); // before the catalogue: one ELU curve
const QString xmin = QStringLiteral("parameters/xmin");
const QString xmax = QStringLiteral("parameters/xmax");
const QString points = QStringLiteral("parameters/points");
const QString figureWidth = QStringLiteral("figure/width");
const QString figureHeight = QStringLiteral("figure/height");
const QString figureScale = QStringLiteral("figure/scale");
const QString figureTheme = QStringLiteral("figure/theme");
const QString geometry = QStringLiteral("window/geometry");
const QString layout = QStringLiteral("view/layout");
const QString recentSessions = QStringLiteral("sessions/recent");
const QString exportFolder = QStringLiteral("export/lastFolder");
} // namespace key

// A saved value as a problem line shows it: hostile files may hold megabytes.
QString shortened(const QString &text)
{
    constexpr qsizetype shown = 40;
    return text.size() <= shown ? text : text.left(shown) + QStringLiteral("…");
}

// Reads a number if the key is present; a present but unusable value is reported.
template<class Number, class Error>
Number readNumber(const QSettings &settings, const QString &name, Number fallback, Error errorOf,
                  QStringList &problems)
{
    if (!settings.contains(name))
        return fallback;
    const QString text = settings.value(name).toString();
    bool ok = false;
    Number value{};
    if constexpr (std::is_integral_v<Number>) {
        const qint64 wide = text.toLongLong(&ok);
        ok = ok && wide >= std::numeric_limits<Number>::min()
             && wide <= std::numeric_limits<Number>::max(); // no silent wrap-around
        value = Number(wide);
    } else {
        value = text.toDouble(&ok);
    }
    if (ok && errorOf(value).isEmpty())
        return value;
    problems << QStringLiteral("saved %1 '%2' was not usable, so %3 is used")
                    .arg(name, shortened(text), formatNumber(double(fallback)));
    return fallback;
}

QString finiteError(double value)
{
    return std::isfinite(value) ? QString() : QStringLiteral("not finite");
}

// The saved curve list ("elu:alpha=0.5", "relu", ...), or the single ELU curve of settings
// written before the catalogue; any unusable entry falls back to the default curve list.
std::vector<Curve> readCurves(const QSettings &settings, QStringList &problems)
{
    const PlotSpec defaults;
    if (!settings.contains(key::curves)) {
        Curve elu = defaults.curves.front();
        elu.parameter = readNumber(settings, key::alpha, elu.parameter, alphaError, problems);
        return {elu};
    }
    const QStringList saved = settings.value(key::curves).toStringList();
    std::vector<Curve> curves;
    for (const QString &text : saved) {
        ParsedCurves parsed = parseCurveSpec(text);
        if (!parsed.error.isEmpty() || parsed.curves.size() != 1) {
            problems << QStringLiteral("saved %1 entry '%2' was not usable, so %3 is used")
                            .arg(key::curves, shortened(text), defaults.curves.front().spec());
            return defaults.curves;
        }
        curves.push_back(parsed.curves.front());
    }
    PlotSpec check;
    check.curves = curves;
    if (const QString error = validate(check); !error.isEmpty()) {
        problems << QStringLiteral("saved %1 was not usable (%2), so %3 is used")
                        .arg(key::curves, error, defaults.curves.front().spec());
        return defaults.curves;
    }
    return curves;
}

} // namespace

AppSettings::AppSettings(QSettings &settings)
    : m_settings(settings)
{
}

AppSettings::Loaded AppSettings::load() const
{
    Loaded loaded;
    const PlotSpec defaults;
    PlotSpec &p = loaded.spec;
    p.curves = readCurves(m_settings, loaded.problems);
    p.xmin = readNumber(m_settings, key::xmin, defaults.xmin, finiteError, loaded.problems);
    p.xmax = readNumber(m_settings, key::xmax, defaults.xmax, finiteError, loaded.problems);
    p.points = readNumber(m_settings, key::points, defaults.points, pointsError, loaded.problems);
    if (!rangeError(p.xmin, p.xmax).isEmpty()) {
        loaded.problems << QStringLiteral("saved range %1, %2 = [%3, %4] was not usable, so "
                                          "[%5, %6] is used")
                               .arg(key::xmin, key::xmax, formatNumber(p.xmin),
                                    formatNumber(p.xmax), formatNumber(defaults.xmin),
                                    formatNumber(defaults.xmax));
        p.xmin = defaults.xmin;
        p.xmax = defaults.xmax;
    }

    if (m_settings.contains(key::layout)) {
        const QString name = m_settings.value(key::layout).toString();
        if (const auto layout = layoutFromName(name))
            loaded.layout = *layout;
        else
            loaded.problems << QStringLiteral("saved %1 '%2' was not usable, so %3 is used")
                                   .arg(key::layout, shortened(name),
                                        layoutName(PlotLayout::Overlaid));
    }

    const FigureOptions figureDefaults;
    FigureOptions &f = loaded.figure;
    f.width = readNumber(m_settings, key::figureWidth, figureDefaults.width, figureSideError,
                         loaded.problems);
    f.height = readNumber(m_settings, key::figureHeight, figureDefaults.height, figureSideError,
                          loaded.problems);
    f.scale = readNumber(
        m_settings, key::figureScale, figureDefaults.scale,
        [&](double s) { return figureScaleError(s, f.width, f.height); }, loaded.problems);
    if (m_settings.contains(key::figureTheme)) {
        const QString name = m_settings.value(key::figureTheme).toString();
        if (const auto theme = themeFromName(name))
            f.theme = *theme;
        else
            loaded.problems << QStringLiteral("saved %1 '%2' was not usable, so %3 is used")
                                   .arg(key::figureTheme, shortened(name),
                                        themeName(figureDefaults.theme));
    }
    return loaded;
}

void AppSettings::saveSpec(const PlotSpec &parameters)
{
    // Text, not QVariant<double>: the INI file then shows exact, readable numbers.
    QStringList curves;
    for (const Curve &curve : parameters.curves)
        curves << curve.spec();
    m_settings.setValue(key::curves, curves);
    m_settings.remove(key::alpha);
    m_settings.setValue(key::xmin, formatNumber(parameters.xmin));
    m_settings.setValue(key::xmax, formatNumber(parameters.xmax));
    m_settings.setValue(key::points, QString::number(parameters.points));
}

void AppSettings::saveFigureOptions(const FigureOptions &options)
{
    m_settings.setValue(key::figureWidth, options.width);
    m_settings.setValue(key::figureHeight, options.height);
    m_settings.setValue(key::figureScale, formatNumber(options.scale));
    m_settings.setValue(key::figureTheme, themeName(options.theme));
}

void AppSettings::saveLayout(PlotLayout layout)
{
    m_settings.setValue(key::layout, layoutName(layout));
}

QByteArray AppSettings::windowGeometry() const
{
    return m_settings.value(key::geometry).toByteArray();
}

void AppSettings::saveWindowGeometry(const QByteArray &geometry)
{
    m_settings.setValue(key::geometry, geometry);
}

QStringList AppSettings::recentSessions() const
{
    return m_settings.value(key::recentSessions).toStringList().mid(0, 8);
}

void AppSettings::saveRecentSessions(const QStringList &paths)
{
    m_settings.setValue(key::recentSessions, paths.mid(0, 8));
}

QString AppSettings::lastExportFolder() const
{
    return m_settings.value(key::exportFolder).toString();
}

void AppSettings::saveLastExportFolder(const QString &folder)
{
    m_settings.setValue(key::exportFolder, folder);
}

} // namespace elu
