// SPDX-License-Identifier: MIT
#pragma once

#include "curvesampler.h"
#include "figureoptions.h"
#include "plotspec.h"
#include "plotstyle.h"
#include "writeerror.h"

#include <QElapsedTimer>
#include <QVector>
#include <QWidget>

#include <optional>
#include <vector>

class QCustomPlot;
class QCPGraph;
class QCPItemText;
class QCPItemStraightLine;
class QMouseEvent;
class QTimer;

/// The one owner of QCustomPlot: every curve of the spec, f solid and f′ dashed, with legend,
/// axis labels, grid, zero lines and the first curve's one-sided derivative values at its kink,
/// with wheel zoom, drag pan and reset view.
/// It plots only the samples its pixels can show (elu::plotSampleIndices), every one of them an
/// exported sample, so any N redraws in about the same time. Parameter and view changes are
/// coalesced: however many arrive before the event loop runs, the plot updates once.
class PlotView : public QWidget
{
    Q_OBJECT

public:
    explicit PlotView(QWidget *parent = nullptr);
    ~PlotView() override;

    const elu::PlotSpec &spec() const { return m_spec; }
    void setSpec(const elu::PlotSpec &parameters);

    void setPlotStyle(const PlotStyle &style);

    /// Fits the view to the sampled range and the data, and follows parameter changes again.
    void resetView();
    /// Recomputes and replots now instead of on the next event-loop pass.
    void refresh();
    /// Redraws a draft frame (drawn without antialiasing during a burst of changes) at full
    /// quality now rather than when the burst has settled.
    void settle();
    bool isDraft() const;
    /// Figures are never drafts; the window allows them (the default).
    void setDraftsAllowed(bool allowed);

    /// The samples the plot shows now of curve `curve` (for tests and benchmarks): exported
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
    void matchGraphsToCurves();
    void styleCurveGraphs();
    void createKinkMarkers();
    void scheduleUpdate();
    void computeSamples();
    void setGraphData(QCPGraph *graph, const std::vector<double> &values, double xScale,
                      double yScale, std::optional<double> breakAt);
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
    std::vector<QCPGraph *> m_valueGraphs;      ///< f of each curve, solid
    std::vector<QCPGraph *> m_derivativeGraphs; ///< f′ of each curve, dashed
    QCPGraph *m_attainedGraph = nullptr; ///< f′ at the kink as autograd gives it, a filled disc
    QCPGraph *m_limitGraph = nullptr;    ///< the other one-sided limit, an open circle
    QCPItemText *m_leftLimitLabel = nullptr;
    QCPItemText *m_rightLimitLabel = nullptr;
    QCPItemStraightLine *m_xZeroLine = nullptr;
    QCPItemStraightLine *m_yZeroLine = nullptr;

    // The samples the view needs, reused from update to update.
    elu::PlotSamples m_samples;
    std::vector<double> m_pixelX, m_pixelY;
    bool m_showsMarkers = false;

    elu::PlotSpec m_spec;
    PlotStyle m_style;
    bool m_followsSystemPalette = true;
    bool m_updateScheduled = false;
    bool m_viewFollowsData = true;
    bool m_applyingView = false;
    int m_samplingColumns = 0;
    int m_updateCount = 0;
};
