// SPDX-License-Identifier: MIT
// PlotView's marked kinks: every visible curve's one-sided derivative values at its kink, and
// the labels of the selected curve's.
#include "plotview.h"

#include "catalogue.h"

#include <qcustomplot.h>

void PlotView::createKinkLabels()
{
    // Labels sit above their point and away from x = 0, where neither curve runs.
    m_leftLimitLabel = new QCPItemText(m_plot);
    m_leftLimitLabel->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
    m_rightLimitLabel = new QCPItemText(m_plot);
    m_rightLimitLabel->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
    for (QCPItemText *label : {m_leftLimitLabel, m_rightLimitLabel})
        label->setLayer(QStringLiteral("kinks"));
}

void PlotView::updateKinkMarkers()
{
    // Every visible curve's kink is marked: the value autograd gives filled, the other
    // one-sided limit open. Only the selected curve's is labelled, so labels never pile up.
    const elu::PlotSpec &spec = m_model->spec();
    const double markerSize = 4 * m_style.lineWidth;
    const bool transparent = m_style.background.alpha() == 0;
    std::optional<elu::Kink> labelled;
    QColor labelColour;
    QString labelName;
    for (std::size_t c = 0; c < m_graphs.size(); ++c) {
        const CurveGraphs &graphs = m_graphs[c];
        const elu::Curve &curve = m_visibleSpec.curves[c];
        const std::optional<elu::Kink> kink = curve.descriptor().kink(curve.parameter);
        graphs.attained->data()->clear();
        graphs.limit->data()->clear();
        const QString layer = int(c) == m_labelledCurve ? QStringLiteral("selectedKinks")
                                                        : QStringLiteral("kinks");
        graphs.attained->setLayer(layer);
        graphs.limit->setLayer(layer);
        if (!kink || spec.xmin > kink->x || spec.xmax < kink->x)
            continue;
        const QColor colour = graphs.derivative->pen().color();
        const QPen markerPen(colour, m_style.lineWidth);
        graphs.attained->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssCircle, markerPen, QBrush(colour), markerSize));
        graphs.limit->setScatterStyle(QCPScatterStyle(
            QCPScatterStyle::ssCircle, markerPen,
            transparent ? QBrush(Qt::NoBrush) : QBrush(m_style.background), markerSize));
        graphs.attained->addData(kink->x, kink->autogradDerivative);
        if (!kink->derivativeContinuous()) {
            // Autograd's value is one of the two limits (the left one for every catalogue
            // kink); the other is open.
            graphs.limit->addData(kink->x, kink->autogradDerivative == kink->leftDerivative
                                               ? kink->rightDerivative
                                               : kink->leftDerivative);
        }
        if (int(c) == m_labelledCurve) {
            labelled = kink;
            labelColour = colour;
            labelName = curve.descriptor().displayName;
        }
    }

    for (QCPItemText *label : {m_leftLimitLabel, m_rightLimitLabel}) {
        label->setVisible(labelled.has_value());
        label->setColor(labelColour);
    }
    if (!labelled)
        return;
    m_leftLimitLabel->position->setCoords(labelled->x, labelled->leftDerivative);
    m_rightLimitLabel->position->setCoords(labelled->x, labelled->rightDerivative);
    if (labelled->derivativeContinuous()) {
        m_leftLimitLabel->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
        m_leftLimitLabel->setText(tr("%1′(0) %2 from both sides")
                                      .arg(labelName, equalsOrAbout(labelled->leftDerivative)));
        m_rightLimitLabel->setVisible(false);
        return;
    }
    // When the left value sits below the right one its label goes up and left, where f′ has
    // already fallen away. Otherwise that corner holds the legend, so the label goes up and
    // right, and the label of the right value moves below its line.
    const bool aboveRight = labelled->leftDerivative > labelled->rightDerivative;
    // In the top eighth of the panel (ELU's α at the end of a sweep, with the axes fitted to
    // it) a label above its marker would be cut off: it goes below instead. Judged in plot
    // coordinates, for a figure's axis rectangle is laid out only when it is drawn.
    const QCPAxis *valueAxis = m_leftLimitLabel->position->valueAxis();
    const bool roomAbove =
        !valueAxis
        || valueAxis->range().upper - labelled->leftDerivative > valueAxis->range().size() / 8;
    m_leftLimitLabel->setPositionAlignment((roomAbove ? Qt::AlignBottom : Qt::AlignTop)
                                           | (aboveRight ? Qt::AlignLeft : Qt::AlignRight));
    m_rightLimitLabel->setPositionAlignment(Qt::AlignLeft
                                            | (aboveRight ? Qt::AlignTop : Qt::AlignBottom));
    m_leftLimitLabel->setText(
        tr("%1′(0⁻) %2").arg(labelName, equalsOrAbout(labelled->leftDerivative)));
    m_rightLimitLabel->setText(
        tr("%1′(0⁺) %2").arg(labelName, equalsOrAbout(labelled->rightDerivative)));
}
