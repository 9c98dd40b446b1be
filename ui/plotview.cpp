// SPDX-License-Identifier: MIT
#include "plotview.h"

#include "catalogue.h"
#include "polylineclipping.h"
#include "polylinesimplification.h"
#include "samplegrid.h"

#include <qcustomplot.h>

#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

constexpr double viewPadding = 0.05; // fraction of the data's height above and below
constexpr int markerSpacingPx = 8;   // markers once samples are at least this far apart
constexpr double simplificationTolerancePx = 0.2;
constexpr int burstIntervalMs = 100; // refreshes closer than this are one burst of changes
constexpr int settleDelayMs = 150;   // the antialiased frame follows the last change this late

// The y range that shows `curves` (each a vector of values) with a margin; [−1, 1] for none.
QCPRange fittedRange(const std::vector<const std::vector<double> *> &curves)
{
    double lower = std::numeric_limits<double>::infinity();
    double upper = -lower;
    for (const std::vector<double> *values : curves) {
        if (values->empty())
            continue;
        const auto [low, high] = std::minmax_element(values->begin(), values->end());
        lower = std::min(lower, *low);
        upper = std::max(upper, *high);
    }
    if (!(lower <= upper)) {
        lower = -1;
        upper = 1;
    }
    const double padding =
        std::max((upper - lower) * viewPadding, 1e-9 * std::max(1.0, std::abs(upper)));
    return {lower - padding, upper + padding};
}

} // namespace

PlotView::PlotView(QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
    , m_settleTimer(new QTimer(this))
    , m_model(new elu::PlotModel(this))
{
    m_settleTimer->setSingleShot(true);
    m_settleTimer->setInterval(settleDelayMs);
    connect(m_settleTimer, &QTimer::timeout, this, &PlotView::settle);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    setMinimumSize(320, 240);
    m_plot->setAccessibleName(tr("Plot of the activations and their derivatives"));
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->setNoAntialiasingOnDrag(false);
    // One number convention for the whole plot, whatever the system's locale: tick labels write
    // "1.5" as the legend, the kink labels and the exported data do (articles are in English).
    QLocale numbers = QLocale::c();
    numbers.setNumberOptions(QLocale::OmitGroupSeparator);
    m_plot->setLocale(numbers);
    m_plot->xAxis->setLabel(QStringLiteral("x"));
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);

    createAxes();
    createKinkLabels();
    applyStyle(PlotStyle::forPalette(palette())); // and follow the palette (see changeEvent)
    setModel(m_model);

    connect(m_plot->xAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this,
            &PlotView::onUserRangeChanged);
    connect(m_plot->yAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this,
            &PlotView::onUserRangeChanged);
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, &PlotView::resetView);
    connect(m_plot, &QCustomPlot::mouseMove, this, &PlotView::onMouseMove);
}

PlotView::~PlotView() = default;

void PlotView::setModel(elu::PlotModel *model)
{
    // Observe each model once: a second call with the same model must not connect twice.
    if (m_observing) {
        if (model == m_model)
            return;
        disconnect(m_model, nullptr, this, nullptr);
    }
    m_observing = true;
    m_model = model;
    connect(model, &elu::PlotModel::specChanged, this, &PlotView::onModelChanged);
    connect(model, &elu::PlotModel::appearanceChanged, this, &PlotView::onModelChanged);
    connect(model, &elu::PlotModel::selectedCurveChanged, this, &PlotView::onModelChanged);
    connect(model, &elu::PlotModel::layoutChanged, this, [this] {
        applyLayout();
        onModelChanged();
    });
    applyLayout();
    onModelChanged();
}

void PlotView::setSpec(const elu::PlotSpec &spec)
{
    m_model->setSpec(spec);
}

void PlotView::onModelChanged()
{
    m_visibleSpec = m_model->visibleSpec();
    m_visibleAppearance = m_model->visibleAppearance();
    // The selected curve's index among the visible ones, if it is visible.
    m_labelledCurve = -1;
    int visibleIndex = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (!m_model->appearance()[std::size_t(row)].visible)
            continue;
        if (row == m_model->selectedCurve())
            m_labelledCurve = visibleIndex;
        ++visibleIndex;
    }
    matchGraphsToCurves();
    scheduleUpdate();
}

void PlotView::resetView()
{
    m_viewFollowsData = true;
    scheduleUpdate();
}

void PlotView::setFitHeld(bool held)
{
    m_fitHeld = held;
    m_heldValueRange.reset();
    m_heldDerivativeRange.reset();
    m_heldLegendWidth = 0;
    scheduleUpdate();
}

void PlotView::setSamplingColumns(int columns)
{
    m_samplingColumns = columns;
    scheduleUpdate();
}

void PlotView::scheduleUpdate()
{
    if (m_updateScheduled)
        return;
    m_updateScheduled = true;
    QMetaObject::invokeMethod(this, &PlotView::refresh, Qt::QueuedConnection);
}

void PlotView::refresh()
{
    m_updateScheduled = false;
    // The panels' pixel sizes choose the samples and simplify the lines: lay the plot out now,
    // not at its next replot, so that they never depend on what was drawn before.
    for (const auto phase : {QCPLayoutElement::upPreparation, QCPLayoutElement::upMargins,
                             QCPLayoutElement::upLayout})
        m_plot->plotLayout()->update(phase);
    const elu::PlotSpec &spec = m_model->spec();
    if (m_viewFollowsData) {
        m_applyingView = true;
        m_plot->xAxis->setRange(spec.xmin, spec.xmax);
        m_applyingView = false;
    }
    computeSamples();
    if (m_viewFollowsData || m_derivativeRect)
        fitView();
    for (std::size_t c = 0; c < m_graphs.size(); ++c) {
        const elu::Curve &curve = m_visibleSpec.curves[c];
        setGraphData(m_graphs[c].value, m_samples.y[c], std::nullopt);
        // f′ jumps at a kink (ELU's unless α = 1): its line is broken there, not joined across.
        const std::optional<elu::Kink> kink = curve.descriptor().kink(curve.parameter);
        setGraphData(m_graphs[c].derivative, m_samples.yp[c],
                     kink && !kink->derivativeContinuous() ? std::optional(kink->x)
                                                           : std::nullopt);
    }
    updateKinkMarkers();
    fitLegend();

    // Within a burst of changes (a slider drag, a wheel spin) curves are drawn without
    // antialiasing, which costs a third as much; once changes stop, the final frame is redrawn
    // antialiased.
    const bool draft = m_draftsAllowed && m_sinceLastRefresh.isValid()
                       && m_sinceLastRefresh.elapsed() < burstIntervalMs;
    setCurvesAntialiased(!draft);
    if (draft)
        m_settleTimer->start();
    m_sinceLastRefresh.restart();
    m_plot->replot(QCustomPlot::rpQueuedRefresh);
    ++m_updateCount;
    emit plotUpdated();
}

void PlotView::settle()
{
    m_settleTimer->stop();
    if (isDraft()) {
        setCurvesAntialiased(true);
        m_plot->replot(QCustomPlot::rpQueuedRefresh);
    }
}

bool PlotView::isDraft() const
{
    return !m_graphs.empty() && !m_graphs.front().value->antialiased();
}

void PlotView::setDraftsAllowed(bool allowed)
{
    m_draftsAllowed = allowed;
    if (!allowed)
        settle();
}

void PlotView::setCurvesAntialiased(bool antialiased)
{
    for (const CurveGraphs &graphs : m_graphs) {
        graphs.value->setAntialiased(antialiased);
        graphs.derivative->setAntialiased(antialiased);
    }
}

int PlotView::displayColumns() const
{
    const int width =
        m_plot->axisRect()->width() > 0 ? m_plot->axisRect()->width() : m_plot->width();
    return std::max(1, width);
}

int PlotView::samplingColumns() const
{
    if (m_samplingColumns > 0)
        return m_samplingColumns;
    return std::max(1, int(std::ceil(displayColumns() * devicePixelRatioF())));
}

void PlotView::computeSamples()
{
    const elu::PlotSpec &spec = m_model->spec();
    const elu::SampleGrid grid(spec.xmin, spec.xmax, spec.points);
    const QCPRange view = m_plot->xAxis->range();
    elu::samplePlot(m_visibleSpec, view.lower, view.upper, samplingColumns(), m_samples);

    // Markers when samples are far enough apart to tell apart: then the line is visibly the
    // polyline through exactly the exported samples.
    const double samplesInView =
        double(grid.lastIndexAtOrBelow(view.upper) - grid.lastIndexAtOrBelow(view.lower));
    m_showsMarkers = samplesInView * markerSpacingPx <= displayColumns();
    const double markerSize = 2.5 * m_style.lineWidth;
    for (const CurveGraphs &graphs : m_graphs) {
        // Markers get a solid outline of their own: the dashed pen of f′ would break them up.
        for (QCPGraph *graph : {graphs.value, graphs.derivative}) {
            const QColor colour = graph->pen().color();
            const auto shape =
                graph == graphs.value ? QCPScatterStyle::ssDisc : QCPScatterStyle::ssSquare;
            graph->setScatterStyle(m_showsMarkers
                                       ? QCPScatterStyle(shape, QPen(colour, m_style.lineWidth),
                                                         QBrush(colour), markerSize)
                                       : QCPScatterStyle());
        }
    }
}

void PlotView::setGraphData(QCPGraph *graph, const std::vector<double> &values,
                            std::optional<double> breakAt)
{
    // Pixels per unit in this graph's panel, in the resolution the samples were chosen for.
    const QCPRange xRange = graph->keyAxis()->range();
    const QCPRange yRange = graph->valueAxis()->range();
    const QRect panel = graph->keyAxis()->axisRect()->rect();
    const double xScale = samplingColumns() / xRange.size();
    const double yScale = panel.width() > 0 ? xScale * xRange.size() / panel.width()
                                                  * panel.height() / yRange.size()
                                            : 0.0;
    // Without markers, samples that lie within a fraction of a pixel of the line through their
    // neighbours are left out: the drawn line is the same, and stroking it costs far less.
    std::vector<std::size_t> kept;
    if (!m_showsMarkers && yScale > 0 && std::isfinite(yScale)) {
        m_pixelX.resize(values.size());
        m_pixelY.resize(values.size());
        for (std::size_t i = 0; i < values.size(); ++i) {
            m_pixelX[i] = m_samples.x[i] * xScale;
            m_pixelY[i] = values[i] * yScale;
        }
        kept = elu::simplifyPolyline(m_pixelX, m_pixelY, simplificationTolerancePx);
    } else {
        kept.resize(values.size());
        for (std::size_t i = 0; i < kept.size(); ++i)
            kept[i] = i;
    }
    std::vector<double> xs, ys;
    xs.reserve(kept.size() + 1);
    ys.reserve(kept.size() + 1);
    for (std::size_t k = 0; k < kept.size(); ++k) {
        const double x = m_samples.x[kept[k]];
        if (breakAt && k > 0 && xs.back() <= *breakAt && x > *breakAt) {
            xs.push_back(xs.back());
            ys.push_back(std::numeric_limits<double>::quiet_NaN()); // QCustomPlot's line gap
        }
        xs.push_back(x);
        ys.push_back(values[kept[k]]);
    }
    // Lines are cut at the axes here, not by the painter: Qt 6.4's SVG generator ignores
    // clipping, and a zoomed SVG figure would otherwise draw curves across its margins.
    if (!m_showsMarkers) {
        elu::ClippedPolyline clipped =
            elu::clipPolyline(xs, ys, xRange.lower, xRange.upper, yRange.lower, yRange.upper);
        xs = std::move(clipped.xs);
        ys = std::move(clipped.ys);
    }
    QVector<QCPGraphData> data(qsizetype(xs.size()));
    for (std::size_t i = 0; i < xs.size(); ++i)
        data[qsizetype(i)] = {xs[i], ys[i]};
    graph->data()->set(data, true);
}

void PlotView::fitView()
{
    std::vector<const std::vector<double> *> values, derivatives;
    for (const std::vector<double> &y : m_samples.y)
        values.push_back(&y);
    for (const std::vector<double> &yp : m_samples.yp)
        derivatives.push_back(&yp);
    auto held = [this](QCPRange fitted, std::optional<std::pair<double, double>> &kept) {
        if (m_fitHeld) {
            if (kept)
                fitted.expand(QCPRange(kept->first, kept->second));
            kept = {fitted.lower, fitted.upper};
        }
        return fitted;
    };
    m_applyingView = true;
    if (m_derivativeRect) {
        // Stacked: each panel fits its own curves in the x range shown.
        m_plot->yAxis->setRange(held(fittedRange(values), m_heldValueRange));
        derivativeYAxis()->setRange(held(fittedRange(derivatives), m_heldDerivativeRange));
    } else {
        values.insert(values.end(), derivatives.begin(), derivatives.end());
        m_plot->yAxis->setRange(held(fittedRange(values), m_heldValueRange));
    }
    m_applyingView = false;
}

void PlotView::onUserRangeChanged()
{
    if (m_applyingView)
        return;
    m_viewFollowsData = false;
    scheduleUpdate();
}

void PlotView::onMouseMove(QMouseEvent *event)
{
    const QPoint position = event->position().toPoint();
    const bool inPanel = m_plot->axisRect()->rect().contains(position)
                         || (m_derivativeRect && m_derivativeRect->rect().contains(position));
    if (!inPanel) {
        emit cursorMoved(std::numeric_limits<double>::quiet_NaN());
        return;
    }
    emit cursorMoved(m_plot->xAxis->pixelToCoord(event->position().x()));
}

void PlotView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    scheduleUpdate();
}

void PlotView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_followsSystemPalette)
        applyStyle(PlotStyle::forPalette(palette()));
}

PlotView::PlottedData PlotView::plottedData(int curve) const
{
    PlottedData data;
    if (curve < 0 || std::size_t(curve) >= m_samples.y.size())
        return data;
    const std::vector<double> &y = m_samples.y[std::size_t(curve)];
    const std::vector<double> &yp = m_samples.yp[std::size_t(curve)];
    data.x = QVector<double>(m_samples.x.begin(), m_samples.x.end());
    data.y = QVector<double>(y.begin(), y.end());
    data.yp = QVector<double>(yp.begin(), yp.end());
    return data;
}

QStringList PlotView::legendNames() const
{
    QStringList names;
    for (int i = 0; i < m_plot->legend->itemCount(); ++i) {
        if (auto *item = qobject_cast<QCPPlottableLegendItem *>(m_plot->legend->item(i)))
            names << item->plottable()->name();
    }
    return names;
}

int PlotView::drawnVertexCount() const
{
    int count = 0;
    for (const CurveGraphs &graphs : m_graphs)
        count += graphs.value->data()->size() + graphs.derivative->data()->size();
    return count;
}

bool PlotView::showsMarkers() const
{
    return m_showsMarkers;
}

QString PlotView::kinkLabels() const
{
    QStringList labels;
    for (const QCPItemText *label : {m_leftLimitLabel, m_rightLimitLabel}) {
        if (label->visible())
            labels << label->text();
    }
    return labels.join(QLatin1Char(' '));
}

void PlotView::visibleRange(double &xLower, double &xUpper, double &yLower, double &yUpper) const
{
    xLower = m_plot->xAxis->range().lower;
    xUpper = m_plot->xAxis->range().upper;
    yLower = m_plot->yAxis->range().lower;
    yUpper = m_plot->yAxis->range().upper;
}

void PlotView::setVisibleRange(double xLower, double xUpper, double yLower, double yUpper)
{
    m_viewFollowsData = false;
    m_applyingView = true;
    m_plot->xAxis->setRange(xLower, xUpper);
    m_plot->yAxis->setRange(yLower, yUpper);
    m_applyingView = false;
    scheduleUpdate();
}

elu::ViewRange PlotView::viewRange() const
{
    elu::ViewRange view;
    visibleRange(view.xLower, view.xUpper, view.yLower, view.yUpper);
    view.fitsData = m_viewFollowsData;
    return view;
}

void PlotView::setViewRange(const elu::ViewRange &view)
{
    if (view.fitsData)
        resetView();
    else
        setVisibleRange(view.xLower, view.xUpper, view.yLower, view.yUpper);
}

QRect PlotView::valuePanelRect() const
{
    return m_plot->axisRect()->rect();
}

QRect PlotView::derivativePanelRect() const
{
    return m_derivativeRect ? m_derivativeRect->rect() : QRect();
}

QString PlotView::equalsOrAbout(double value)
{
    // Labels on a figure show six significant digits at most (α = 1.6732632423543772 would
    // crowd the legend); "≈" says when that is not the exact value, which the data files keep.
    const QString exact = elu::formatNumber(value);
    const QString shortened = QString::number(value, 'g', 6);
    return shortened == exact ? QStringLiteral("= ") + exact : QStringLiteral("≈ ") + shortened;
}

QString PlotView::plotLibraryVersion()
{
    return QStringLiteral(QCUSTOMPLOT_VERSION_STR);
}
