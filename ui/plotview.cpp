// SPDX-License-Identifier: MIT
#include "plotview.h"

#include "elu.h"
#include "plotsampling.h"
#include "polylinesimplification.h"
#include "samplegrid.h"

#include <qcustomplot.h>

#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

constexpr double viewPadding = 0.05;   // fraction of the data's height above and below
constexpr int markerSpacingPx = 8;      // markers once samples are at least this far apart
constexpr double simplificationTolerancePx = 0.2;
constexpr int burstIntervalMs = 100;  // refreshes closer than this are one burst of changes
constexpr int settleDelayMs = 150;    // the antialiased frame follows the last change this late

void styleAxis(QCPAxis *axis, const PlotStyle &style, const QFont &font)
{
    const QPen inkPen(style.ink, 1);
    axis->setBasePen(inkPen);
    axis->setTickPen(inkPen);
    axis->setSubTickPen(inkPen);
    axis->setTickLabelColor(style.ink);
    axis->setLabelColor(style.ink);
    axis->setTickLabelFont(font);
    axis->setLabelFont(font);
    axis->grid()->setPen(QPen(style.grid, 1, Qt::SolidLine));
    axis->grid()->setZeroLinePen(Qt::NoPen); // the zero lines are items of their own
}

} // namespace

PlotView::PlotView(QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
    , m_settleTimer(new QTimer(this))
{
    m_settleTimer->setSingleShot(true);
    m_settleTimer->setInterval(settleDelayMs);
    connect(m_settleTimer, &QTimer::timeout, this, &PlotView::settle);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    setMinimumSize(320, 240);
    m_plot->setAccessibleName(tr("Plot of ELU and its derivative"));
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->setNoAntialiasingOnDrag(false);
    m_plot->xAxis->setLabel(QStringLiteral("x"));
    m_plot->yAxis->setLabel(QStringLiteral("ELU(x), ELU′(x)"));
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);

    createGraphs();
    createKinkMarkers();
    setPlotStyle(PlotStyle::forPalette(palette()));
    m_followsSystemPalette = true;

    connect(m_plot->xAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this,
            &PlotView::onUserRangeChanged);
    connect(m_plot->yAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this,
            &PlotView::onUserRangeChanged);
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, &PlotView::resetView);
    connect(m_plot, &QCustomPlot::mouseMove, this, &PlotView::onMouseMove);
    scheduleUpdate();
}

PlotView::~PlotView() = default;

void PlotView::createGraphs()
{
    m_eluGraph = m_plot->addGraph();
    m_derivativeGraph = m_plot->addGraph();
    for (QCPGraph *graph : {m_eluGraph, m_derivativeGraph})
        graph->setAdaptiveSampling(false); // we already hand it only what the pixels show
}

void PlotView::createKinkMarkers()
{
    m_kinkGraph = m_plot->addGraph();
    m_kinkGraph->setLineStyle(QCPGraph::lsNone);
    m_kinkGraph->removeFromLegend();
    m_leftLimitLabel = new QCPItemText(m_plot);
    // Above the point and away from x = 0, where neither curve runs.
    m_leftLimitLabel->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
    m_rightLimitLabel = new QCPItemText(m_plot);
    m_rightLimitLabel->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
    m_xZeroLine = new QCPItemStraightLine(m_plot);
    m_xZeroLine->point1->setCoords(0, 0);
    m_xZeroLine->point2->setCoords(0, 1);
    m_yZeroLine = new QCPItemStraightLine(m_plot);
    m_yZeroLine->point1->setCoords(0, 0);
    m_yZeroLine->point2->setCoords(1, 0);
    for (QCPAbstractItem *item : std::initializer_list<QCPAbstractItem *>{
             m_xZeroLine, m_yZeroLine, m_leftLimitLabel, m_rightLimitLabel})
        item->setLayer(QStringLiteral("grid")); // behind the curves
    m_leftLimitLabel->setLayer(QStringLiteral("main"));
    m_rightLimitLabel->setLayer(QStringLiteral("main"));
}

void PlotView::setPlotStyle(const PlotStyle &style)
{
    m_style = style;
    m_followsSystemPalette = false;
    QFont font = this->font();
    if (style.fontPixelSize > 0)
        font.setPixelSize(style.fontPixelSize);
    m_plot->setBackground(style.background.alpha() == 0 ? QBrush(Qt::NoBrush) : QBrush(style.background));
    m_plot->axisRect()->setBackground(Qt::NoBrush);
    styleAxis(m_plot->xAxis, style, font);
    styleAxis(m_plot->yAxis, style, font);
    m_plot->legend->setFont(font);
    m_plot->legend->setTextColor(style.ink);
    m_plot->legend->setBrush(style.background.alpha() == 0 ? QBrush(Qt::NoBrush) : QBrush(style.background));
    m_plot->legend->setBorderPen(QPen(style.grid, 1));

    m_eluGraph->setPen(QPen(style.eluColor, style.lineWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    m_derivativeGraph->setPen(
        QPen(style.derivativeColor, style.lineWidth, Qt::DashLine, Qt::FlatCap, Qt::RoundJoin));
    m_kinkGraph->setPen(QPen(style.derivativeColor, style.lineWidth));
    m_kinkGraph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle,
                                                 QPen(style.derivativeColor, style.lineWidth),
                                                 QBrush(style.background.alpha() ? style.background : Qt::white),
                                                 4 * style.lineWidth));
    for (QCPItemText *label : {m_leftLimitLabel, m_rightLimitLabel}) {
        label->setColor(style.derivativeColor);
        label->setFont(font);
        label->setPadding(QMargins(int(3 * style.lineWidth), 0, int(3 * style.lineWidth), int(2 * style.lineWidth)));
    }
    const QPen zeroPen(style.zeroLine, 1, Qt::SolidLine);
    m_xZeroLine->setPen(zeroPen);
    m_yZeroLine->setPen(zeroPen);
    scheduleUpdate();
}

void PlotView::setParameters(const elu::Parameters &parameters)
{
    m_parameters = parameters;
    scheduleUpdate();
}

void PlotView::resetView()
{
    m_viewFollowsData = true;
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
    if (m_viewFollowsData) {
        m_applyingView = true;
        m_plot->xAxis->setRange(m_parameters.xmin, m_parameters.xmax);
        m_applyingView = false;
    }
    computeSamples();
    if (m_viewFollowsData)
        fitView();
    const QCPRange xRange = m_plot->xAxis->range();
    const QCPRange yRange = m_plot->yAxis->range();
    const int columns = samplingColumns();
    const QRect axisRect = m_plot->axisRect()->rect();
    // Pixels per unit, in the resolution the samples were chosen for.
    const double xScale = columns / xRange.size();
    const double yScale = axisRect.width() > 0 ? xScale * xRange.size() / axisRect.width() * axisRect.height() / yRange.size()
                                               : 0.0;
    setGraphData(m_eluGraph, m_samples.y, xScale, yScale);
    setGraphData(m_derivativeGraph, m_samples.yp, xScale, yScale);
    updateKinkMarkers();

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
    return !m_eluGraph->antialiased();
}

void PlotView::setDraftsAllowed(bool allowed)
{
    m_draftsAllowed = allowed;
    if (!allowed)
        settle();
}

void PlotView::setCurvesAntialiased(bool antialiased)
{
    for (QCPGraph *graph : {m_eluGraph, m_derivativeGraph})
        graph->setAntialiased(antialiased);
}

int PlotView::samplingColumns() const
{
    if (m_samplingColumns > 0)
        return m_samplingColumns;
    const int width = m_plot->axisRect()->width() > 0 ? m_plot->axisRect()->width() : m_plot->width();
    return std::max(1, int(std::ceil(width * devicePixelRatioF())));
}

void PlotView::computeSamples()
{
    const elu::SampleGrid grid(m_parameters.xmin, m_parameters.xmax, m_parameters.points);
    const QCPRange view = m_plot->xAxis->range();
    const int columns = samplingColumns();
    const std::vector<qint64> indices = elu::plotSampleIndices(grid, view.lower, view.upper, columns);
    const double alpha = m_parameters.alpha;
    m_samples.x.resize(indices.size());
    m_samples.y.resize(indices.size());
    m_samples.yp.resize(indices.size());
    for (std::size_t i = 0; i < indices.size(); ++i) {
        const double x = grid.x(indices[i]);
        m_samples.x[i] = x;
        m_samples.y[i] = elu::value(x, alpha);
        m_samples.yp[i] = elu::derivative(x, alpha);
    }

    // Markers when samples are far enough apart to tell apart: then the line is visibly the
    // polyline through exactly the exported samples.
    const double samplesInView = double(grid.lastIndexAtOrBelow(view.upper) - grid.lastIndexAtOrBelow(view.lower));
    m_showsMarkers = samplesInView * markerSpacingPx <= columns;
    const double markerSize = 2.5 * m_style.lineWidth;
    m_eluGraph->setScatterStyle(m_showsMarkers ? QCPScatterStyle(QCPScatterStyle::ssDisc, markerSize)
                                               : QCPScatterStyle());
    m_derivativeGraph->setScatterStyle(m_showsMarkers ? QCPScatterStyle(QCPScatterStyle::ssSquare, markerSize)
                                                      : QCPScatterStyle());
    const QString alphaText = elu::formatNumber(alpha);
    m_eluGraph->setName(tr("ELU(x), α = %1").arg(alphaText));
    m_derivativeGraph->setName(tr("ELU′(x), α = %1").arg(alphaText));
}

void PlotView::setGraphData(QCPGraph *graph, const std::vector<double> &values, double xScale, double yScale)
{
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
    QVector<QCPGraphData> data(qsizetype(kept.size()));
    for (std::size_t i = 0; i < kept.size(); ++i)
        data[qsizetype(i)] = {m_samples.x[kept[i]], values[kept[i]]};
    graph->data()->set(data, true);
}

void PlotView::updateKinkMarkers()
{
    const bool zeroInRange = m_parameters.xmin <= 0.0 && m_parameters.xmax >= 0.0;
    const elu::OneSidedLimits limits = elu::derivativeLimitsAtZero(m_parameters.alpha);
    m_kinkGraph->data()->clear();
    m_kinkGraph->setVisible(zeroInRange);
    m_leftLimitLabel->setVisible(zeroInRange);
    m_rightLimitLabel->setVisible(zeroInRange);
    if (!zeroInRange)
        return;
    m_kinkGraph->addData(0.0, limits.fromLeft);
    m_kinkGraph->addData(0.0, limits.fromRight);
    m_leftLimitLabel->position->setCoords(0.0, limits.fromLeft);
    m_rightLimitLabel->position->setCoords(0.0, limits.fromRight);
    const bool continuous = elu::isDerivativeContinuous(m_parameters.alpha);
    m_leftLimitLabel->setText(continuous ? QString()
                                         : tr("ELU′(0⁻) = %1").arg(elu::formatNumber(limits.fromLeft)));
    m_rightLimitLabel->setText(continuous ? tr("ELU′(0) = 1 from both sides")
                                          : tr("ELU′(0⁺) = %1").arg(elu::formatNumber(limits.fromRight)));
}

void PlotView::fitView()
{
    double lower = std::numeric_limits<double>::infinity();
    double upper = -lower;
    for (const std::vector<double> *values : {&m_samples.y, &m_samples.yp}) {
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
    const double padding = std::max((upper - lower) * viewPadding, 1e-9 * std::max(1.0, std::abs(upper)));
    m_applyingView = true;
    m_plot->yAxis->setRange(lower - padding, upper + padding);
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
    const QPointF position = event->position();
    if (!m_plot->axisRect()->rect().contains(position.toPoint())) {
        emit cursorMoved(std::numeric_limits<double>::quiet_NaN());
        return;
    }
    emit cursorMoved(m_plot->xAxis->pixelToCoord(position.x()));
}

void PlotView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    scheduleUpdate();
}

void PlotView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_followsSystemPalette) {
        setPlotStyle(PlotStyle::forPalette(palette()));
        m_followsSystemPalette = true;
    }
}

PlotView::PlottedData PlotView::plottedData() const
{
    PlottedData data;
    data.x = QVector<double>(m_samples.x.begin(), m_samples.x.end());
    data.y = QVector<double>(m_samples.y.begin(), m_samples.y.end());
    data.yp = QVector<double>(m_samples.yp.begin(), m_samples.yp.end());
    return data;
}

int PlotView::drawnVertexCount() const
{
    return int(m_eluGraph->data()->size() + m_derivativeGraph->data()->size());
}

bool PlotView::showsMarkers() const
{
    return m_showsMarkers;
}

QString PlotView::kinkLabels() const
{
    if (!m_rightLimitLabel->visible())
        return {};
    return QStringList{m_leftLimitLabel->text(), m_rightLimitLabel->text()}.join(QLatin1Char(' ')).trimmed();
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

QString PlotView::plotLibraryVersion()
{
    return QStringLiteral(QCUSTOMPLOT_VERSION_STR);
}
