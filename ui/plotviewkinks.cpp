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
    // In the top eighth of the panel (ELU's α at the end of a sweep with the axes fitted to it;
    // Leaky ReLU's 1 in a stacked f′ panel) a label above its marker would be cut off: it goes
    // below instead: to the right of x = 0, where f′ has fallen away, unless the other label is
    // within an eighth of the panel there; then to the left, so that two labels never meet.
    // Judged in plot coordinates, for a figure's axis rectangle is laid out only when drawn.
    const QCPAxis *valueAxis = m_leftLimitLabel->position->valueAxis();
    const double eighth = valueAxis ? valueAxis->range().size() / 8 : 0.0;
    auto roomAbove = [valueAxis, eighth](double value) {
        return !valueAxis || valueAxis->range().upper - value > eighth;
    };
    Qt::Alignment left, right;
    if (aboveRight) {
        right = Qt::AlignLeft | Qt::AlignTop;
        if (roomAbove(labelled->leftDerivative))
            left = Qt::AlignLeft | Qt::AlignBottom;
        else if (labelled->leftDerivative - labelled->rightDerivative > eighth)
            left = Qt::AlignLeft | Qt::AlignTop;
        else
            left = Qt::AlignRight | Qt::AlignTop;
    } else {
        left = Qt::AlignRight
               | (roomAbove(labelled->leftDerivative) ? Qt::AlignBottom : Qt::AlignTop);
        right = Qt::AlignLeft
                | (roomAbove(labelled->rightDerivative) ? Qt::AlignBottom : Qt::AlignTop);
    }
    m_leftLimitLabel->setPositionAlignment(left);
    m_rightLimitLabel->setPositionAlignment(right);
    m_leftLimitLabel->setText(
        tr("%1′(0⁻) %2").arg(labelName, equalsOrAbout(labelled->leftDerivative)));
    m_rightLimitLabel->setText(
        tr("%1′(0⁺) %2").arg(labelName, equalsOrAbout(labelled->rightDerivative)));
}
