// SPDX-License-Identifier: MIT
#pragma once

#include "figureoptions.h"
#include "plotspec.h"

#include <QString>
#include <QtGlobal>

#include <optional>
#include <vector>

namespace elu {

/// f and f′ in one plot, or f above f′ in two panels sharing the x axis.
enum class PlotLayout { Overlaid, Stacked };

/// Every layout, in the order menus list them.
inline constexpr PlotLayout allLayouts[] = {PlotLayout::Overlaid, PlotLayout::Stacked};

/// "overlaid" or "stacked": the name --layout and the session file use.
QString layoutName(PlotLayout layout);
/// The layout named "overlaid" or "stacked" (exactly, lower case); anything else is nullopt.
std::optional<PlotLayout> layoutFromName(const QString &name);
/// "overlaid, stacked": for messages and help.
QString acceptedLayoutNames();

namespace limits {
inline constexpr int colourSlots = 8; ///< the Okabe–Ito palette: slots 0 to 7
} // namespace limits

/// How one curve is drawn, beside its mathematics (Curve): its colour and whether it shows.
/// The colour is a slot of the Okabe–Ito palette (0 to 7, drawn in the theme's variant) unless
/// the user picked one (`customRgb`, 0xRRGGBB).
struct CurveAppearance
{
    int colourSlot = 0;
    std::optional<quint32> customRgb;
    bool visible = true;

    friend bool operator==(const CurveAppearance &, const CurveAppearance &) = default;
};

/// The visible part of the plot: x and y ranges; `fitsData` means the view follows the data
/// (the ranges are then recomputed, and stored only for reference).
struct ViewRange
{
    double xLower = -2.0;
    double xUpper = 2.0;
    double yLower = -1.0;
    double yUpper = 1.0;
    bool fitsData = true;

    friend bool operator==(const ViewRange &, const ViewRange &) = default;
};

/// Everything that re-makes the window and its figures: what a session file holds.
/// `appearance` has one entry per curve of `spec`; `selectedCurve` indexes both.
struct Session
{
    PlotSpec spec;
    std::vector<CurveAppearance> appearance = std::vector<CurveAppearance>(1);
    int selectedCurve = 0;
    ViewRange view;
    PlotLayout layout = PlotLayout::Overlaid;
    FigureOptions figure;
    double statisticsMu = 0.0;    ///< the Gaussian input of the statistics panel
    double statisticsSigma = 1.0;

    friend bool operator==(const Session &, const Session &) = default;
};

/// `session` with the curves, range and points of `spec`, as a command line applies its options
/// over a session: curves keep the appearance of the curve at their position, added curves
/// take the first free colour slots (shown, no custom colour), and the selection stays unless
/// its curve is gone (then the last curve is selected).
Session withSpec(const Session &session, const PlotSpec &spec);

/// Empty when `session` is consistent: a valid spec (validate(const PlotSpec &)), one
/// appearance per curve, colour slots 0 to 7, custom colours within 0xFFFFFF, a selected curve
/// that exists, a view with finite ends and lower < upper on both axes, valid figure options
/// (sides, scale and pixel budget) and a statistics input that gaussianInputError accepts
/// (μ from −10 to 10, σ from 0.001 to 10).
/// Otherwise the first thing wrong, naming the field as the session file names it, e.g.
/// "curves[2].colour_slot: 9 is not accepted: a colour slot is a whole number from 0 to 7".
QString validate(const Session &session);

} // namespace elu
