// SPDX-License-Identifier: MIT
#pragma once

#include "figureoptions.h"
#include "plotspec.h"
#include "session.h"
#include "writeerror.h"

#include <QImage>

#include <memory>
#include <optional>

class PlotView;

/// Tex: a pgfplots picture for \\input (texwriter.h), drawn without the widget.
enum class FigureFormat { Png, Svg, Pdf, Tex };

/// The format a path's suffix names (.png, .svg, .pdf, .tex, any case), or nullopt.
std::optional<FigureFormat> figureFormatForPath(const QString &path);

/// Renders a figure off screen, in an export theme, for the command line and the window alike.
/// Needs a QApplication (the offscreen platform is enough).
class FigureExporter
{
public:
    /// A figure of `session`: its visible curves in their colours, its layout, its view (unless
    /// it fits the data) and its figure options.
    explicit FigureExporter(const elu::Session &session);
    /// The default look of `spec`'s curves, fitted to the data.
    FigureExporter(const elu::PlotSpec &spec, const elu::FigureOptions &options);
    ~FigureExporter();

    /// Shows this part of the plane instead of fitting the data (the window's zoomed view).
    void setView(double xLower, double xUpper, double yLower, double yUpper);

    /// Whether a Tex figure writes its samples to a CSV beside it (saveTex's `withData`).
    void setTexData(bool withData) { m_texData = withData; }

    elu::WriteResult save(const QString &path, FigureFormat format);
    QImage image();

    /// For an animation's frames: curve `curve`'s parameter from now on. False (nothing changed)
    /// when the session's spec refuses the value (out of range, or a duplicate curve).
    bool setParameter(int curve, double value);
    /// See PlotView::setFitHeld: frames sampled with the fit held share their axes.
    void setFitHeld(bool held);
    /// Samples and fits the data as image() would, without drawing a figure (the widget's own
    /// replot is only queued).
    void fit();
    /// The colours a figure draws (PlotView::drawnColours), background first.
    QList<QColor> drawnColours() const;

private:
    elu::FigureOptions m_options;
    elu::Session m_session; ///< what a Tex figure draws
    bool m_texData = false;
    std::unique_ptr<PlotView> m_view;
};
