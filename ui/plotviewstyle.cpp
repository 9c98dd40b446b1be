// SPDX-License-Identifier: MIT
// PlotView's look: graphs per curve, the legend, the panels of the two layouts, axes and
// colours (the marked kinks are plotviewkinks.cpp's).
#include "plotview.h"

#include "catalogue.h"

#include <qcustomplot.h>

namespace {

// Tick labels with a true minus sign (U+2212), as typeset mathematics has it.
class MinusSignTicker : public QCPAxisTicker
{
protected:
    QString getTickLabel(double tick, const QLocale &locale, QChar formatChar,
                         int precision) override
    {
        return QCPAxisTicker::getTickLabel(tick, locale, formatChar, precision)
            .replace(QLatin1Char('-'), QChar(0x2212));
    }
};

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

// Lines through x = 0 and y = 0 of one panel, behind its curves.
std::pair<QCPItemStraightLine *, QCPItemStraightLine *> zeroLines(QCustomPlot *plot, QCPAxis *x,
                                                                  QCPAxis *y)
{
    auto *vertical = new QCPItemStraightLine(plot);
    auto *horizontal = new QCPItemStraightLine(plot);
    for (QCPItemStraightLine *line : {vertical, horizontal}) {
        line->point1->setAxes(x, y);
        line->point2->setAxes(x, y);
        line->setClipAxisRect(x->axisRect());
        line->setLayer(QStringLiteral("grid"));
    }
    vertical->point1->setCoords(0, 0);
    vertical->point2->setCoords(0, 1);
    horizontal->point1->setCoords(0, 0);
    horizontal->point2->setCoords(1, 0);
    return {vertical, horizontal};
}

} // namespace

void PlotView::createAxes()
{
    for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis})
        axis->setTicker(QSharedPointer<MinusSignTicker>::create());
    // The legend's key to the line styles when several curves share it.
    m_solidKey = m_plot->addGraph();
    m_dashedKey = m_plot->addGraph();
    m_solidKey->setName(QStringLiteral("f(x)"));
    m_dashedKey->setName(QStringLiteral("f′(x)"));
    std::tie(m_xZeroLine, m_yZeroLine) = zeroLines(m_plot, m_plot->xAxis, m_plot->yAxis);
    // Kink markers sit on a layer above every curve.
    m_plot->addLayer(QStringLiteral("kinks"), m_plot->layer(QStringLiteral("main")),
                     QCustomPlot::limAbove);
    // The selected curve's markers above the others', so its filled value is never hidden.
    m_plot->addLayer(QStringLiteral("selectedKinks"), m_plot->layer(QStringLiteral("kinks")),
                     QCustomPlot::limAbove);
}

QCPAxis *PlotView::derivativeXAxis() const
{
    return m_derivativeRect ? m_derivativeRect->axis(QCPAxis::atBottom) : m_plot->xAxis;
}

QCPAxis *PlotView::derivativeYAxis() const
{
    return m_derivativeRect ? m_derivativeRect->axis(QCPAxis::atLeft) : m_plot->yAxis;
}

void PlotView::applyLayout()
{
    const bool stacked = m_model->layout() == elu::PlotLayout::Stacked;
    if (stacked == (m_derivativeRect != nullptr))
        return;
    // Graphs and labels hang on the panels' axes: take them down first, then rebuild.
    for (const CurveGraphs &graphs : m_graphs) {
        for (QCPGraph *graph : {graphs.value, graphs.derivative, graphs.attained, graphs.limit})
            m_plot->removeGraph(graph);
    }
    m_graphs.clear();
    QCPAxisRect *top = m_plot->axisRect();
    if (stacked) {
        m_derivativeRect = new QCPAxisRect(m_plot);
        m_plot->plotLayout()->addElement(1, 0, m_derivativeRect);
        auto *margins = new QCPMarginGroup(m_plot);
        top->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
        m_derivativeRect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
        for (QCPAxis *axis : {derivativeXAxis(), derivativeYAxis()})
            axis->setTicker(QSharedPointer<MinusSignTicker>::create());
        // One x axis for both panels: zoom and pan in either moves both.
        auto link = [](QCPAxis *from, QCPAxis *to) {
            QObject::connect(from, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), to,
                             qOverload<const QCPRange &>(&QCPAxis::setRange));
        };
        link(m_plot->xAxis, derivativeXAxis());
        link(derivativeXAxis(), m_plot->xAxis);
        derivativeXAxis()->setRange(m_plot->xAxis->range());
        derivativeXAxis()->setLabel(QStringLiteral("x"));
        m_plot->xAxis->setLabel(QString());
        m_plot->xAxis->setTickLabels(false);
        // Each panel fits its own curves: zoom and pan act on x only.
        for (QCPAxisRect *panel : {top, m_derivativeRect}) {
            panel->setRangeDrag(Qt::Horizontal);
            panel->setRangeZoom(Qt::Horizontal);
        }
        std::tie(m_derivativeXZeroLine, m_derivativeYZeroLine) =
            zeroLines(m_plot, derivativeXAxis(), derivativeYAxis());
    } else {
        m_plot->removeItem(m_derivativeXZeroLine);
        m_plot->removeItem(m_derivativeYZeroLine);
        m_derivativeXZeroLine = m_derivativeYZeroLine = nullptr;
        m_plot->plotLayout()->remove(m_derivativeRect);
        m_plot->plotLayout()->simplify();
        m_derivativeRect = nullptr;
        top->setMarginGroup(QCP::msLeft | QCP::msRight, nullptr);
        top->setRangeDrag(Qt::Horizontal | Qt::Vertical);
        top->setRangeZoom(Qt::Horizontal | Qt::Vertical);
        m_plot->xAxis->setLabel(QStringLiteral("x"));
        m_plot->xAxis->setTickLabels(true);
    }
    for (QCPItemText *label : {m_leftLimitLabel, m_rightLimitLabel}) {
        label->position->setAxes(derivativeXAxis(), derivativeYAxis());
        label->setClipAxisRect(derivativeXAxis()->axisRect());
    }
    applyStyle(m_style);
}

void PlotView::matchGraphsToCurves()
{
    const std::size_t count = m_visibleSpec.curves.size();
    while (m_graphs.size() > count) {
        const CurveGraphs &graphs = m_graphs.back();
        for (QCPGraph *graph : {graphs.value, graphs.derivative, graphs.attained, graphs.limit})
            m_plot->removeGraph(graph);
        m_graphs.pop_back();
    }
    const bool antialiased = m_graphs.empty() || m_graphs.front().value->antialiased();
    while (m_graphs.size() < count) {
        CurveGraphs graphs{m_plot->addGraph(m_plot->xAxis, m_plot->yAxis),
                           m_plot->addGraph(derivativeXAxis(), derivativeYAxis()),
                           m_plot->addGraph(derivativeXAxis(), derivativeYAxis()),
                           m_plot->addGraph(derivativeXAxis(), derivativeYAxis())};
        for (QCPGraph *graph : {graphs.value, graphs.derivative}) {
            graph->setAdaptiveSampling(false); // we already hand it only what the pixels show
            graph->setAntialiased(antialiased);
        }
        for (QCPGraph *graph : {graphs.attained, graphs.limit}) {
            graph->setLineStyle(QCPGraph::lsNone);
            graph->setLayer(QStringLiteral("kinks"));
        }
        m_graphs.push_back(graphs);
    }

    // The legend: a single curve names f and f′ (two colours); several curves have one entry
    // each, in their colour, and a key to the two line styles.
    m_plot->legend->clearItems();
    const bool single = count == 1 && !m_visibleAppearance.front().customRgb;
    for (std::size_t c = 0; c < count; ++c) {
        const elu::Curve &curve = m_visibleSpec.curves[c];
        const elu::Activation &row = curve.descriptor();
        const QString parameter =
            row.parameter ? QStringLiteral(", %1 %2").arg(row.parameter->symbol,
                                                          equalsOrAbout(curve.parameter))
                          : QString();
        m_graphs[c].value->setName(single ? tr("%1(x)%2").arg(row.displayName, parameter)
                                          : row.displayName + parameter);
        m_graphs[c].value->addToLegend();
        if (single) {
            m_graphs[c].derivative->setName(tr("%1′(x)%2").arg(row.displayName, parameter));
            m_graphs[c].derivative->addToLegend();
        }
    }
    if (!single && count > 0) {
        m_solidKey->addToLegend();
        m_dashedKey->addToLegend();
    }
    m_plot->legend->setVisible(count > 0);
    // Stacked panels are half as tall: there an inset legend would hide the curves.
    m_legendOutside = count > 2 || m_derivativeRect != nullptr; // fitLegend places it

    const QString name = single ? m_visibleSpec.curves.front().descriptor().displayName
                                : QStringLiteral("f");
    if (m_derivativeRect) {
        m_plot->yAxis->setLabel(QStringLiteral("%1(x)").arg(name));
        derivativeYAxis()->setLabel(QStringLiteral("%1′(x)").arg(name));
    } else {
        m_plot->yAxis->setLabel(QStringLiteral("%1(x), %1′(x)").arg(name));
    }
    styleCurveGraphs();
}

void PlotView::placeLegend(LegendPlace place)
{
    if (place == m_legendPlace)
        return;
    // Back to the corner first, then out to the new place.
    if (m_legendHost) {
        m_legendHost->take(m_plot->legend);
        m_plot->plotLayout()->remove(m_legendHost);
        m_plot->plotLayout()->simplify();
        m_legendHost = nullptr;
        m_plot->legend->setMaximumSize(QWIDGETSIZE_MAX, QWIDGETSIZE_MAX);
        m_plot->legend->setWrap(0);
        m_plot->legend->setFillOrder(QCPLayoutGrid::foRowsFirst, true); // one column again
        m_plot->axisRect()->insetLayout()->addElement(m_plot->legend, Qt::AlignTop | Qt::AlignLeft);
    }
    m_legendPlace = place;
    if (place == LegendPlace::Inset)
        return;
    QCPLayoutInset *inset = m_plot->axisRect()->insetLayout();
    inset->take(m_plot->legend);
    inset->simplify();
    m_legendHost = new QCPLayoutGrid;
    m_plot->legend->setSizeConstraintRect(QCPLayoutElement::scrOuterRect);
    if (place == LegendPlace::Beside) {
        m_plot->plotLayout()->addElement(0, 1, m_legendHost);
        m_plot->plotLayout()->setColumnStretchFactor(1, 0.001);
        m_legendHost->addElement(0, 0, m_plot->legend);
        m_legendHost->addElement(1, 0, new QCPLayoutElement(m_plot)); // the rest of the height
        m_legendHost->setRowStretchFactors({0.001, 1.0});
        m_legendHost->setMinimumMargins(QMargins(0, 10, 8, 0));
    } else {
        m_plot->plotLayout()->addElement(m_plot->plotLayout()->rowCount(), 0, m_legendHost);
        m_legendHost->addElement(0, 0, m_plot->legend);
        m_legendHost->setMinimumMargins(QMargins(4, 0, 4, 4));
    }
    m_legendHost->setMargins(QMargins(0, 0, 0, 0));
}

void PlotView::fitLegend()
{
    // Up to two curves, overlaid, the legend sits in the plot's top-left corner. More curves, or
    // the half-height stacked panels, would be hidden by it: the legend goes beside the plot,
    // keeping its own height, or, when that would take more than a third of the width, under
    // the panels in as many columns as fit.
    // Item widths from the font itself: the items' size hints lag behind a new font.
    const QFontMetrics metrics(m_plot->legend->font());
    const QCPLegend *legend = m_plot->legend;
    int widest = 1;
    for (const QString &name : legendNames())
        widest = std::max(widest, metrics.horizontalAdvance(name));
    widest += legend->iconSize().width() + legend->iconTextPadding() + 16; // item margins
    // While held (Play, an animation's frames), the legend beside the plot keeps the width of
    // its widest entry so far: "α = 0.346" and "α = 3" must not move the axes.
    if (m_fitHeld) {
        widest = std::max(widest, m_heldLegendWidth);
        m_heldLegendWidth = widest;
    }
    m_plot->legend->setMinimumSize(m_fitHeld && m_legendOutside ? widest : 0, 0);
    const int width = m_plot->width();
    if (!m_legendOutside)
        placeLegend(LegendPlace::Inset);
    else
        placeLegend(widest + 30 <= width / 3 ? LegendPlace::Beside : LegendPlace::Below);
    if (m_legendPlace == LegendPlace::Inset)
        return;
    if (m_legendPlace == LegendPlace::Below) {
        const int columns = std::max(1, (width - 16) / (widest + m_plot->legend->columnSpacing()));
        if (m_plot->legend->wrap() != columns) {
            m_plot->legend->setWrap(columns);
            m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true); // rearranges
        }
    }
    m_plot->legend->setMaximumSize(QWIDGETSIZE_MAX,
                                   m_plot->legend->minimumOuterSizeHint().height());
}

QColor PlotView::curveColour(std::size_t visibleIndex) const
{
    const elu::CurveAppearance &appearance = m_visibleAppearance[visibleIndex];
    if (appearance.customRgb)
        return QColor::fromRgb(QRgb(*appearance.customRgb));
    return m_style.curveColor(appearance.colourSlot);
}

QList<QColor> PlotView::drawnColours() const
{
    QList<QColor> colours{m_style.background, m_style.ink, m_style.grid, m_style.zeroLine};
    for (const CurveGraphs &graphs : m_graphs) {
        for (const QCPGraph *graph : {graphs.value, graphs.derivative}) {
            if (!colours.contains(graph->pen().color()))
                colours.push_back(graph->pen().color());
        }
    }
    return colours;
}

void PlotView::styleCurveGraphs()
{
    const bool single = m_graphs.size() == 1 && !m_visibleAppearance.front().customRgb;
    for (std::size_t c = 0; c < m_graphs.size(); ++c) {
        const QColor valueColour = single ? m_style.eluColor : curveColour(c);
        const QColor derivativeColour = single ? m_style.derivativeColor : curveColour(c);
        m_graphs[c].value->setPen(QPen(valueColour, m_style.lineWidth, Qt::SolidLine,
                                       Qt::RoundCap, Qt::RoundJoin));
        m_graphs[c].derivative->setPen(QPen(derivativeColour, m_style.lineWidth, Qt::DashLine,
                                            Qt::FlatCap, Qt::RoundJoin));
    }
    // The key to the line styles in the grey of the zero lines, so that no curve's colour (the
    // eighth is the ink) is mistaken for it.
    m_solidKey->setPen(QPen(m_style.zeroLine, m_style.lineWidth, Qt::SolidLine));
    m_dashedKey->setPen(QPen(m_style.zeroLine, m_style.lineWidth, Qt::DashLine, Qt::FlatCap));
}

void PlotView::setPlotStyle(const PlotStyle &style)
{
    m_followsSystemPalette = false; // a chosen style (a figure's) stays when the palette changes
    applyStyle(style);
}

void PlotView::applyStyle(const PlotStyle &style)
{
    m_style = style;
    QFont font = this->font();
    if (!style.fontFamily.isEmpty())
        font.setFamily(style.fontFamily);
    if (style.fontPixelSize > 0)
        font.setPixelSize(style.fontPixelSize);
    const bool transparent = style.background.alpha() == 0;
    m_plot->setBackground(transparent ? QBrush(Qt::NoBrush) : QBrush(style.background));
    for (QCPAxisRect *panel : m_plot->axisRects()) {
        panel->setBackground(Qt::NoBrush);
        styleAxis(panel->axis(QCPAxis::atBottom), style, font);
        styleAxis(panel->axis(QCPAxis::atLeft), style, font);
    }
    m_plot->legend->setFont(font);
    // The line samples scale with the text, so a small figure's legend stays small.
    const int textHeight = QFontMetrics(font).height();
    m_plot->legend->setIconSize(QSize(int(2.2 * textHeight), textHeight));
    m_plot->legend->setTextColor(style.ink);
    // A transparent figure's legend keeps a light, translucent box so grid lines stay behind it.
    m_plot->legend->setBrush(transparent ? QColor(255, 255, 255, 210) : style.background);
    m_plot->legend->setBorderPen(QPen(style.grid, 1));

    styleCurveGraphs();
    for (QCPItemText *label : {m_leftLimitLabel, m_rightLimitLabel}) {
        label->setFont(font);
        label->setPadding(QMargins(int(3 * style.lineWidth), int(4 * style.lineWidth),
                                   int(3 * style.lineWidth), int(4 * style.lineWidth)));
    }
    const QPen zeroPen(style.zeroLine, 1, Qt::SolidLine);
    for (QCPItemStraightLine *line :
         {m_xZeroLine, m_yZeroLine, m_derivativeXZeroLine, m_derivativeYZeroLine}) {
        if (line)
            line->setPen(zeroPen);
    }
    scheduleUpdate();
}
