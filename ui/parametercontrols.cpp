// SPDX-License-Identifier: MIT
#include "parametercontrols.h"

#include "numberspinbox.h"
#include "sliderspinbox.h"

#include <QFormLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QAbstractSpinBox>
#include <QSpinBox>
#include <QTimer>

namespace {

constexpr int movedEndHighlightMs = 1500;

} // namespace

ParameterControls::ParameterControls(elu::PlotModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_alpha(new SliderSpinBox(elu::SliderMapping::alpha(), elu::limits::alphaMin,
                                elu::limits::alphaMax, tr("Alpha"), this))
    , m_parameterLabel(new QLabel(tr("&Alpha (α):"), this))
    , m_xmin(new SliderSpinBox(elu::SliderMapping::rangeEnd(), -elu::PlotModel::rangeLimit,
                               elu::PlotModel::rangeLimit, tr("x minimum"), this))
    , m_xmax(new SliderSpinBox(elu::SliderMapping::rangeEnd(), -elu::PlotModel::rangeLimit,
                               elu::PlotModel::rangeLimit, tr("x maximum"), this))
    , m_points(new QSpinBox(this))
{
    m_alpha->spinBox()->setSingleStep(0.01);
    m_alpha->setToolTip(tr("ELU's α: the value ELU approaches as x → −∞ is −α (0 to 100)"));
    m_xmin->setToolTip(tr("Left end of the sampled range; always less than x max"));
    m_xmax->setToolTip(tr("Right end of the sampled range; always greater than x min"));
    m_points->setRange(int(elu::limits::pointsMin), int(elu::limits::pointsMax));
    m_points->setGroupSeparatorShown(true);
    m_points->setKeyboardTracking(false);
    m_points->setAccelerated(true);
    m_points->setAccessibleName(tr("Number of points"));
    m_points->setToolTip(tr("Evenly spaced samples, both ends included (2 to 10,000,000)"));

    auto *layout = new QFormLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_parameterLabel->setBuddy(m_alpha);
    layout->addRow(m_parameterLabel, m_alpha);
    layout->addRow(tr("x mi&n:"), m_xmin);
    layout->addRow(tr("x ma&x:"), m_xmax);
    layout->addRow(tr("&Points:"), m_points);

    connect(m_alpha, &SliderSpinBox::valueEdited, this,
            [this](double value) { edit(&elu::PlotModel::setCurveParameter, value); });
    connect(m_xmin, &SliderSpinBox::valueEdited, this,
            [this](double xmin) { edit(&elu::PlotModel::setXmin, xmin); });
    connect(m_xmax, &SliderSpinBox::valueEdited, this,
            [this](double xmax) { edit(&elu::PlotModel::setXmax, xmax); });
    connect(m_points, &QSpinBox::valueChanged, this, [this](int points) {
        m_model->setPoints(points);
        showParameters(m_model->spec());
    });
    connect(m_model, &elu::PlotModel::specChanged, this,
            &ParameterControls::showParameters);
    connect(m_model, &elu::PlotModel::selectedCurveChanged, this,
            [this] { showParameters(m_model->spec()); });
    connect(m_model, &elu::PlotModel::rangeEndMoved, this, &ParameterControls::flashMovedEnd);
    showParameters(m_model->spec());
}

ParameterControls::~ParameterControls()
{
    // A spin box losing focus as it is destroyed would commit its text: by then its siblings
    // may be gone, so nothing reaches the model or comes back from it any more.
    disconnect(m_model, nullptr, this, nullptr);
    for (QAbstractSpinBox *box : findChildren<QAbstractSpinBox *>())
        box->blockSignals(true);
}

void ParameterControls::edit(bool (elu::PlotModel::*set)(double), double value)
{
    (m_model->*set)(value);
    // The controls then show what the model holds: an edit it refused, clamped or left
    // unchanged must not stay on screen as if it had been taken.
    showParameters(m_model->spec());
}

void ParameterControls::showParameters(const elu::PlotSpec &parameters)
{
    showParameterOf(m_model->selected());
    m_xmin->setValue(parameters.xmin);
    m_xmax->setValue(parameters.xmax);
    const QSignalBlocker block(m_points);
    m_points->setValue(int(parameters.points));
}

void ParameterControls::showParameterOf(const elu::Curve &curve)
{
    const elu::Activation &row = curve.descriptor();
    if (curve.activation == m_shownActivation) {
        m_alpha->setValue(curve.parameter);
        return;
    }
    m_shownActivation = curve.activation;
    m_alpha->setEnabled(row.parameter.has_value());
    if (!row.parameter) {
        m_parameterLabel->setText(tr("Parameter:"));
        m_alpha->setToolTip(tr("%1 has no parameter").arg(row.displayName));
        // An empty range shows the special text instead of a stale number.
        m_alpha->setMapping(elu::SliderMapping(0.0, 1.0, 1, 1.0, elu::SliderMapping::Shape::Linear),
                            0.0, 0.0, 0.0);
        return;
    }
    const elu::ActivationParameter &p = *row.parameter;
    m_parameterLabel->setText(QLatin1Char('&') + p.label + QLatin1Char(':'));
    m_alpha->setToolTip(tr("%1's %2: %3").arg(row.displayName, p.symbol, p.acceptedText()));
    m_alpha->setMapping(p.slider, p.min, p.max, curve.parameter);
}

void ParameterControls::flashMovedEnd(elu::PlotModel::RangeEnd end)
{
    // Shows which end the model moved: its spin box is highlighted for a moment.
    NumberSpinBox *moved = (end == elu::PlotModel::RangeEnd::Max ? m_xmax : m_xmin)->spinBox();
    moved->setStyleSheet(QStringLiteral("QDoubleSpinBox { background: palette(highlight); "
                                        "color: palette(highlighted-text); }"));
    QTimer::singleShot(movedEndHighlightMs, moved, [moved] { moved->setStyleSheet(QString()); });
}
