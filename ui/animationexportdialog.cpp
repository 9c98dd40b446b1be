// SPDX-License-Identifier: MIT
#include "animationexportdialog.h"

#include "animationlimits.h"
#include "numberspinbox.h"
#include "plotspec.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace {

// Bounds show as typed ("0.1", not "0.1000") and keep every digit typed.
QDoubleSpinBox *boundBox(const elu::ActivationParameter &parameter, double value, QWidget *parent)
{
    auto *box = new NumberSpinBox(parent);
    // From the parameter slider's lowest value: an open end (CELU's α > 0) one step inside it.
    box->setRange(parameter.slider.valueAt(0), parameter.max);
    box->setSingleStep(0.1);
    box->setValue(value);
    return box;
}

} // namespace

AnimationExportDialog::AnimationExportDialog(const AnimationRequest &suggested,
                                             const elu::ActivationParameter &parameter,
                                             QWidget *parent)
    : QDialog(parent)
    , m_path(new QLineEdit(suggested.path, this))
    , m_format(new QComboBox(this))
    , m_width(new QSpinBox(this))
    , m_height(new QSpinBox(this))
    , m_scale(new QDoubleSpinBox(this))
    , m_theme(new QComboBox(this))
    , m_from(boundBox(parameter, suggested.sweep.from, this))
    , m_to(boundBox(parameter, suggested.sweep.to, this))
    , m_frames(new QSpinBox(this))
    , m_duration(new QDoubleSpinBox(this))
    , m_bounce(new QCheckBox(tr("&Back and forth"), this))
    , m_problem(new QLabel(this))
    , m_parameter(parameter)
{
    setWindowTitle(tr("Export Animation"));
    m_path->setAccessibleName(tr("Animation file"));
    m_path->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 40);
    m_format->addItem(tr("Animated GIF"), int(AnimationFormat::Gif));
    m_format->addItem(tr("Animated WebP (lossless)"), int(AnimationFormat::Webp));
    m_format->setCurrentIndex(m_format->findData(int(suggested.format)));
    m_format->setAccessibleName(tr("Animation format"));
    for (QSpinBox *side : {m_width, m_height}) {
        side->setRange(elu::limits::figureSideMin, elu::limits::figureSideMax);
        side->setSuffix(tr(" px"));
    }
    m_width->setValue(suggested.figure.width);
    m_width->setAccessibleName(tr("Frame width"));
    m_height->setValue(suggested.figure.height);
    m_height->setAccessibleName(tr("Frame height"));
    m_scale->setRange(elu::limits::figureScaleMin, elu::limits::figureScaleMax);
    m_scale->setSingleStep(0.5);
    m_scale->setValue(suggested.figure.scale);
    m_scale->setPrefix(QStringLiteral("× "));
    m_scale->setAccessibleName(tr("Scale"));
    m_scale->setToolTip(tr("Pixels per figure pixel: 1 for the web, 2 for HiDPI slides"));
    for (elu::FigureTheme theme : elu::allThemes)
        m_theme->addItem(elu::themeName(theme), int(theme));
    m_theme->setCurrentIndex(m_theme->findData(int(suggested.figure.theme)));
    m_theme->setAccessibleName(tr("Theme"));
    m_from->setAccessibleName(tr("Sweep from"));
    m_to->setAccessibleName(tr("Sweep to"));
    m_frames->setRange(elu::limits::sweepFramesMin, elu::limits::sweepFramesMax);
    m_frames->setValue(suggested.sweep.frames);
    m_frames->setAccessibleName(tr("Frames"));
    m_duration->setRange(elu::limits::sweepDurationMin, elu::limits::sweepDurationMax);
    m_duration->setDecimals(1);
    m_duration->setSuffix(tr(" s"));
    m_duration->setValue(suggested.sweep.duration);
    m_duration->setAccessibleName(tr("Duration"));
    m_bounce->setChecked(suggested.sweep.repeat == elu::SweepRepeat::Bounce);
    m_bounce->setToolTip(tr("Sweep to the end and back within the duration, so the loop has no "
                            "jump"));

    auto *browseButton = new QPushButton(tr("B&rowse…"), this);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browseButton);
    // Two fields and what joins them, kept together at the left of their row.
    auto pair = [this](QWidget *first, const QString &joint, QWidget *second) {
        auto *row = new QHBoxLayout;
        row->addWidget(first);
        row->addWidget(new QLabel(joint, this));
        row->addWidget(second);
        row->addStretch(1);
        return row;
    };
    QHBoxLayout *sizeRow = pair(m_width, QStringLiteral("×"), m_height);
    QHBoxLayout *sweepRow = pair(m_from, QStringLiteral("→"), m_to);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    auto *form = new QFormLayout(this);
    auto *fileLabel = new QLabel(tr("&File (.gif, .webp):"), this);
    fileLabel->setBuddy(m_path);
    form->addRow(fileLabel, pathRow);
    form->addRow(tr("F&ormat:"), m_format);
    auto *sizeLabel = new QLabel(tr("&Size:"), this);
    sizeLabel->setBuddy(m_width); // a row of several fields gets no buddy by itself
    form->addRow(sizeLabel, sizeRow);
    form->addRow(tr("Sc&ale:"), m_scale);
    form->addRow(tr("&Theme:"), m_theme);
    auto *sweepLabel = new QLabel(tr("S&weep %1:").arg(parameter.symbol), this);
    sweepLabel->setBuddy(m_from);
    form->addRow(sweepLabel, sweepRow);
    form->addRow(tr("Fra&mes:"), m_frames);
    form->addRow(tr("&Duration:"), m_duration);
    form->addRow(QString(), m_bounce);
    // Room for three lines whether or not there is a reason, so the dialog never clips one or
    // changes size while the user types.
    m_problem->setWordWrap(true);
    m_problem->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_problem->setMinimumHeight(3 * fontMetrics().lineSpacing());
    m_problem->setAccessibleName(tr("Why the animation cannot be saved"));
    form->addRow(m_problem);
    form->addRow(buttons);

    connect(browseButton, &QPushButton::clicked, this, &AnimationExportDialog::browse);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_format, &QComboBox::currentIndexChanged, this, &AnimationExportDialog::onFormatChosen);
    connect(m_path, &QLineEdit::textChanged, this, &AnimationExportDialog::updateAcceptable);
    for (QSpinBox *box : {m_width, m_height, m_frames})
        connect(box, &QSpinBox::valueChanged, this, &AnimationExportDialog::updateAcceptable);
    for (QDoubleSpinBox *box : {m_scale, m_from, m_to, m_duration})
        connect(box, &QDoubleSpinBox::valueChanged, this, &AnimationExportDialog::updateAcceptable);
    connect(m_theme, &QComboBox::currentIndexChanged, this, &AnimationExportDialog::updateAcceptable);
    m_saveButton = buttons->button(QDialogButtonBox::Save);
    setTabOrder(m_path, browseButton);
    setTabOrder(browseButton, m_format);
    updateAcceptable();
}

AnimationRequest AnimationExportDialog::request() const
{
    AnimationRequest request;
    request.path = m_path->text().trimmed();
    request.format = AnimationFormat(m_format->currentData().toInt());
    request.figure = {m_width->value(), m_height->value(), m_scale->value(),
                      elu::FigureTheme(m_theme->currentData().toInt())};
    request.sweep.keyword = elu::latin1(m_parameter.keyword);
    request.sweep.from = m_from->value();
    request.sweep.to = m_to->value();
    request.sweep.frames = m_frames->value();
    request.sweep.duration = m_duration->value();
    request.sweep.repeat = m_bounce->isChecked() ? elu::SweepRepeat::Bounce
                                                 : elu::SweepRepeat::Loop;
    return request;
}

void AnimationExportDialog::setSweepCheck(std::function<QString(const elu::ParameterSweep &)> check)
{
    m_sweepCheck = std::move(check);
    updateAcceptable();
}

QString AnimationExportDialog::problem() const
{
    return m_problem->text();
}

void AnimationExportDialog::browse()
{
    const QString chosen = QFileDialog::getSaveFileName(
        this, tr("Export Animation"), m_path->text(),
        tr("Animated GIF (*.gif);;Animated WebP (*.webp)"));
    if (!chosen.isEmpty())
        m_path->setText(chosen);
}

// Choosing a format changes the file's suffix to match (a name without one gets it).
void AnimationExportDialog::onFormatChosen()
{
    const QString suffix = animationSuffix(AnimationFormat(m_format->currentData().toInt()));
    QString path = m_path->text().trimmed();
    const QFileInfo info(path);
    if (animationFormatForPath(path))
        path.chop(info.suffix().size() + 1);
    if (!path.isEmpty())
        m_path->setText(path + QLatin1Char('.') + suffix);
    updateAcceptable();
}

void AnimationExportDialog::updateAcceptable()
{
    const AnimationRequest r = request();
    const std::optional<AnimationFormat> byName = animationFormatForPath(r.path);
    QString problem;
    if (!byName)
        problem = tr("The file name must end in .gif or .webp.");
    else if (*byName != r.format)
        problem = tr("The file name ends in .%1 but the format is %2.")
                      .arg(animationSuffix(*byName), m_format->currentText());
    else if (!elu::sweepRangeUsable(r.sweep.from, r.sweep.to))
        problem = tr("The sweep cannot play: %1.").arg(elu::sweepRangeError());
    else if (const QString sweep = m_sweepCheck ? m_sweepCheck(r.sweep) : QString();
             !sweep.isEmpty())
        problem = tr("The sweep cannot be drawn: %1.").arg(sweep);
    else if (const QString size = elu::animationSizeError(r.figure); !size.isEmpty())
        problem = tr("The frames are too large: %1.").arg(size);
    else if (const QString timing = elu::frameTimingError(r.sweep.frames, r.sweep.duration);
             !timing.isEmpty())
        problem = tr("Too many frames: %1.").arg(timing);
    else if (const QString theme = r.format == AnimationFormat::Gif
                                       ? elu::gifThemeError(r.figure.theme)
                                       : QString();
             !theme.isEmpty())
        problem = tr("Transparent is not possible here: %1.").arg(theme);
    m_saveButton->setEnabled(problem.isEmpty());
    m_saveButton->setToolTip(problem);
    m_problem->setText(problem);
}
