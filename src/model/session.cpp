// SPDX-License-Identifier: MIT
#include "session.h"

#include "gaussianmoments.h"

#include <QStringList>

#include <algorithm>
#include <cmath>

namespace elu {

QString layoutName(PlotLayout layout)
{
    switch (layout) {
    case PlotLayout::Overlaid:
        return QStringLiteral("overlaid");
    case PlotLayout::Stacked:
        return QStringLiteral("stacked");
    }
    return {};
}

std::optional<PlotLayout> layoutFromName(const QString &name)
{
    for (PlotLayout layout : allLayouts) {
        if (name == layoutName(layout))
            return layout;
    }
    return std::nullopt;
}

QString acceptedLayoutNames()
{
    QStringList names;
    for (PlotLayout layout : allLayouts)
        names << layoutName(layout);
    return names.join(QStringLiteral(", "));
}

namespace {

QString refused(const QString &key, const QString &value, const QString &accepted)
{
    return QStringLiteral("%1: %2 is not accepted: %3").arg(key, value, accepted);
}

QString appearanceError(const std::vector<CurveAppearance> &appearance, std::size_t curves)
{
    if (appearance.size() != curves)
        return QStringLiteral("curves: %1 appearances for %2 curves; each curve has one")
            .arg(appearance.size())
            .arg(curves);
    for (std::size_t i = 0; i < appearance.size(); ++i) {
        const CurveAppearance &a = appearance[i];
        const QString key = QStringLiteral("curves[%1].").arg(i);
        if (a.colourSlot < 0 || a.colourSlot >= limits::colourSlots)
            return refused(key + QStringLiteral("colour_slot"), QString::number(a.colourSlot),
                           QStringLiteral("a colour slot is a whole number from 0 to %1")
                               .arg(limits::colourSlots - 1));
        if (a.customRgb && *a.customRgb > 0xFFFFFFu)
            return refused(key + QStringLiteral("colour"), QString::number(*a.customRgb, 16),
                           QStringLiteral("a colour is #rrggbb"));
    }
    return {};
}

QString viewError(const ViewRange &view)
{
    auto axisError = [](const char *axis, double lower, double upper) {
        if (std::isfinite(lower) && std::isfinite(upper) && lower < upper)
            return QString();
        return refused(QStringLiteral("view.%1_lower, view.%1_upper").arg(QLatin1String(axis)),
                       formatNumber(lower) + QStringLiteral(", ") + formatNumber(upper),
                       QStringLiteral("the ends must be finite and lower less than upper"));
    };
    if (QString error = axisError("x", view.xLower, view.xUpper); !error.isEmpty())
        return error;
    return axisError("y", view.yLower, view.yUpper);
}

QString figureError(const FigureOptions &figure)
{
    if (QString error = figureSideError(figure.width); !error.isEmpty())
        return refused(QStringLiteral("figure.width"), QString::number(figure.width), error);
    if (QString error = figureSideError(figure.height); !error.isEmpty())
        return refused(QStringLiteral("figure.height"), QString::number(figure.height), error);
    if (QString error = figureScaleError(figure.scale, figure.width, figure.height);
        !error.isEmpty())
        return refused(QStringLiteral("figure.scale"), formatNumber(figure.scale), error);
    if (themeName(figure.theme).isEmpty())
        return QStringLiteral("figure.theme: not one of ") + acceptedThemeNames();
    return {};
}

QString statisticsError(double mu, double sigma)
{
    if (QString error = gaussianInputError(mu, 1.0); !error.isEmpty())
        return refused(QStringLiteral("statistics.mu"), formatNumber(mu), error);
    if (QString error = gaussianInputError(0.0, sigma); !error.isEmpty())
        return refused(QStringLiteral("statistics.sigma"), formatNumber(sigma), error);
    return {};
}

// validate(const PlotSpec &) names no field; say which one it is about.
QString specError(const PlotSpec &spec)
{
    if (QString error = curveCountError(spec.curves.size()); !error.isEmpty())
        return QStringLiteral("curves: ") + error;
    for (std::size_t i = 0; i < spec.curves.size(); ++i) {
        const Curve &curve = spec.curves[i];
        if (QString error = parameterError(curve.activation, curve.parameter); !error.isEmpty()) {
            const auto keyword = curve.descriptor().parameter->keyword;
            return refused(QStringLiteral("curves[%1].%2")
                               .arg(i)
                               .arg(elu::latin1(keyword)),
                           formatNumber(curve.parameter), error);
        }
    }
    if (QString error = validate(spec); !error.isEmpty()) {
        if (!rangeError(spec.xmin, spec.xmax).isEmpty())
            return QStringLiteral("xmin, xmax: ") + error;
        if (!pointsError(spec.points).isEmpty())
            return refused(QStringLiteral("points"), QString::number(spec.points), error);
        return QStringLiteral("curves: ") + error; // a curve given twice
    }
    return {};
}

} // namespace

Session withSpec(const Session &session, const PlotSpec &spec)
{
    Session result = session;
    result.spec = spec;
    std::vector<CurveAppearance> &appearance = result.appearance;
    appearance.resize(std::min(appearance.size(), spec.curves.size()));
    while (appearance.size() < spec.curves.size()) {
        int slot = 0;
        while (std::any_of(appearance.begin(), appearance.end(),
                           [slot](const CurveAppearance &a) { return a.colourSlot == slot; }))
            ++slot;
        appearance.push_back({slot % limits::colourSlots, std::nullopt, true});
    }
    result.selectedCurve =
        std::clamp(result.selectedCurve, 0, std::max(0, int(spec.curves.size()) - 1));
    return result;
}

QString validate(const Session &session)
{
    if (QString error = specError(session.spec); !error.isEmpty())
        return error;
    if (QString error = appearanceError(session.appearance, session.spec.curves.size());
        !error.isEmpty())
        return error;
    if (session.selectedCurve < 0
        || std::size_t(session.selectedCurve) >= session.spec.curves.size())
        return refused(QStringLiteral("selected_curve"), QString::number(session.selectedCurve),
                       QStringLiteral("the selected curve is an index from 0 to %1")
                           .arg(session.spec.curves.size() - 1));
    if (QString error = viewError(session.view); !error.isEmpty())
        return error;
    if (layoutName(session.layout).isEmpty())
        return QStringLiteral("layout: not one of ") + acceptedLayoutNames();
    if (QString error = figureError(session.figure); !error.isEmpty())
        return error;
    return statisticsError(session.statisticsMu, session.statisticsSigma);
}

} // namespace elu
