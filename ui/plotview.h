// SPDX-License-Identifier: MIT
#pragma once

#include "curvesampler.h"
#include "figureoptions.h"
#include "plotmodel.h"
#include "plotspec.h"
#include "plotstyle.h"
#include "writeerror.h"

#include <QElapsedTimer>
#include <QVector>
#include <QWidget>

#include <optional>
#include <utility>
#include <vector>

class QCustomPlot;
class QCPAxis;
class QCPAxisRect;
class QCPLayoutGrid;
class QCPGraph;
class QCPItemText;
class QCPItemStraightLine;
class QMouseEvent;
class QTimer;

/// The one owner of QCustomPlot: every visible curve of a PlotModel, f solid and f′ dashed, in
/// one plot or in two stacked panels sharing the x axis, with legend, axis labels, grid, zero
/// lines and the kinks (the selected curve's labelled with its one-sided derivative values, the
/// others marked), with wheel zoom, drag pan and reset view.
/// It plots only the samples its pixels can show (elu::plotSampleIndices), every one of them an
/// exported sample, so any N redraws in about the same time. Parameter and view changes are
/// coalesced: however many arrive before the event loop runs, the plot updates once.
class PlotView : public QWidget
{
    Q_OBJECT

public:
    explicit PlotView(QWidget *parent = nullptr);
    ~PlotView() override;

    /// Observes `model` from now on (the view's own model until then); not owned.
    void setModel(elu::PlotModel *model);
    elu::PlotModel *model() const { return m_model; }
    const elu::PlotSpec &spec() const { return m_model->spec(); }
    /// Sets the model's spec (tests and benchmarks; the window edits its model).
    void setSpec(const elu::PlotSpec &spec);

    void setPlotStyle(const PlotStyle &style);

    /// Fits the view to the sampled range and the data, and follows parameter changes again.
    void resetView();
    /// While held, fitting the data only ever widens the y axes (each panel's), and a legend
    /// beside the plot only ever widens: a parameter swept by Play or through an animation's
    /// frames keeps its axes instead of rescaling or moving them every frame. Releasing fits the
    /// data again.
    void setFitHeld(bool held);
    bool isFitHeld() const { return m_fitHeld; }
    /// Recomputes and replots now instead of on the next event-loop pass.
    void refresh();
    /// Redraws a draft frame (drawn without antialiasing during a burst of changes) at full
    /// quality now rather than when the burst has settled.
    void settle();
    bool isDraft() const;
    /// Figures are never drafts; the window allows them (the default).
    void setDraftsAllowed(bool allowed);

    /// The samples the plot shows now of visible curve `curve` (for tests and benchmarks): exported
    /// samples, chosen for the view's pixels. Each curve is drawn through the subset of them
    /// that differs from their polyline by more than a fifth of a pixel.
    struct PlottedData
    {
        QVector<double> x, y, yp;
    };
    PlottedData plottedData(int curve = 0) const;
    /// Legend entries, top to bottom.
    QStringList legendNames() const;
    /// Vertices handed to the painter for all curves, f and f′.
    int drawnVertexCount() const;
    bool showsMarkers() const;
    int updateCount() const { return m_updateCount; }
    QString kinkLabels() const;
    void visibleRange(double &xLower, double &xUpper, double &yLower, double &yUpper) const;
    void setVisibleRange(double xLower, double xUpper, double yLower, double yUpper);
    /// The view as a session keeps it (fitsData while the view follows the data).
    elu::ViewRange viewRange() const;
    void setViewRange(const elu::ViewRange &view);
    /// The pixel rectangles of the value panel and (stacked) the derivative panel.
    QRect valuePanelRect() const;
    QRect derivativePanelRect() const;

    /// The colours drawn: the style's background, ink, grid and zero lines, then each shown
    /// curve's (after the last refresh). An animated GIF's palette is built from them.
    QList<QColor> drawnColours() const;

    /// The figure of this plot in `options`' size; the caller picks the style first.
    QImage toImage(const elu::FigureOptions &options);
    elu::WriteResult savePng(const QString &path, const elu::FigureOptions &options);
    elu::WriteResult saveSvg(const QString &path, const elu::FigureOptions &options);
    elu::WriteResult savePdf(const QString &path, const elu::FigureOptions &options);

    /// Samples per pixel column are chosen for this many columns; 0 uses the widget's pixels.
    void setSamplingColumns(int columns);

    static QString plotLibraryVersion();
    /// "= 0.5", or "≈ 1.67326" for a value with more than six significant digits.
    static QString equalsOrAbout(double value);

signals:
    /// After each recompute of the plotted samples.
    void plotUpdated();
    /// The cursor's x in plot coordinates; NaN when it leaves the plot.
    void cursorMoved(double x);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createAxes();
    void applyLayout();
    void matchGraphsToCurves();
    void styleCurveGraphs();
    QColor curveColour(std::size_t visibleIndex) const;
    enum class LegendPlace { Inset, Beside, Below };
    void placeLegend(LegendPlace place);
    void fitLegend();
    QCPAxis *derivativeXAxis() const;
    QCPAxis *derivativeYAxis() const;
    void onModelChanged();
    void createKinkLabels();
    void scheduleUpdate();
    void computeSamples();
    void setGraphData(QCPGraph *graph, const std::vector<double> &values,
                      std::optional<double> breakAt);
    QString titleText() const;
    void updateKinkMarkers();
    void fitView();
    void onUserRangeChanged();
    void onMouseMove(QMouseEvent *event);
    int samplingColumns() const;
    int displayColumns() const;
    void setCurvesAntialiased(bool antialiased);
    void applyStyle(const PlotStyle &style);

    QCustomPlot *m_plot;
    QTimer *m_settleTimer;
    QElapsedTimer m_sinceLastRefresh;
    bool m_draftsAllowed = true;
    // One entry per visible curve.
    struct CurveGraphs
    {
        QCPGraph *value;      ///< f, solid
        QCPGraph *derivative; ///< f′, dashed
        QCPGraph *attained;   ///< f′ at the kink as autograd gives it, a filled disc
        QCPGraph *limit;      ///< the other one-sided limit, an open circle
    };
    std::vector<CurveGraphs> m_graphs;
    QCPGraph *m_solidKey = nullptr;  ///< legend entry "f(x)" for the line styles
    QCPGraph *m_dashedKey = nullptr; ///< legend entry "f′(x)"
    QCPAxisRect *m_derivativeRect = nullptr; ///< the lower panel, stacked layout only
    QCPLayoutGrid *m_legendHost = nullptr; ///< holds the legend beside or below the plot, or null
    LegendPlace m_legendPlace = LegendPlace::Inset;
    bool m_legendOutside = false; ///< more than two curves: beside or below, not in the corner
    elu::PlotModel *m_model;
    bool m_observing = false; ///< m_model's signals are connected
    elu::PlotSpec m_visibleSpec; ///< what is drawn: the model's visible curves
    std::vector<elu::CurveAppearance> m_visibleAppearance;
    int m_labelledCurve = -1; ///< the visible index of the selected curve, or −1
    QCPItemText *m_leftLimitLabel = nullptr;
    QCPItemText *m_rightLimitLabel = nullptr;
    QCPItemStraightLine *m_xZeroLine = nullptr;
    QCPItemStraightLine *m_yZeroLine = nullptr;
    QCPItemStraightLine *m_derivativeXZeroLine = nullptr; ///< stacked layout only
    QCPItemStraightLine *m_derivativeYZeroLine = nullptr;

    // The samples the view needs, reused from update to update.
    elu::PlotSamples m_samples;
    std::vector<double> m_pixelX, m_pixelY;
    bool m_showsMarkers = false;

    PlotStyle m_style;
    bool m_followsSystemPalette = true;
    bool m_updateScheduled = false;
    bool m_viewFollowsData = true;
    bool m_fitHeld = false;
    std::optional<std::pair<double, double>> m_heldValueRange, m_heldDerivativeRange; // lower, upper
    int m_heldLegendWidth = 0; ///< while m_fitHeld: the widest legend entry so far, in pixels
    bool m_applyingView = false;
    int m_samplingColumns = 0;
    int m_updateCount = 0;
};
