// SPDX-License-Identifier: MIT
#include "figureexportdialog.h"

#include "plotspec.h"

#include "figureexporter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QLabel>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

FigureExportDialog::FigureExportDialog(const QString &suggestedPath,
                                       const elu::FigureOptions &options, QWidget *parent)
    : QDialog(parent)
    , m_path(new QLineEdit(suggestedPath, this))
    , m_width(new QSpinBox(this))
    , m_height(new QSpinBox(this))
    , m_scale(new QDoubleSpinBox(this))
    , m_theme(new QComboBox(this))
    , m_texData(new QCheckBox(tr("&Data beside (CSV)"), this))
    , m_problem(new QLabel(this))
{
    setWindowTitle(tr("Export Figure"));
    m_path->setAccessibleName(tr("Figure file"));
    for (QSpinBox *side : {m_width, m_height}) {
        side->setRange(elu::limits::figureSideMin, elu::limits::figureSideMax);
        side->setSuffix(tr(" px"));
    }
    m_width->setValue(options.width);
    m_width->setAccessibleName(tr("Figure width"));
    m_height->setValue(options.height);
    m_height->setAccessibleName(tr("Figure height"));
    m_scale->setRange(elu::limits::figureScaleMin, elu::limits::figureScaleMax);
    m_scale->setSingleStep(0.5);
    m_scale->setValue(options.scale);
    m_scale->setPrefix(QStringLiteral("× "));
    m_scale->setAccessibleName(tr("PNG scale"));
    m_scale->setToolTip(
        tr("PNG pixels per figure pixel: 2 for HiDPI screens, 3 or more for print"));
    for (elu::FigureTheme theme : elu::allThemes)
        m_theme->addItem(elu::themeName(theme), QVariant::fromValue(int(theme)));
    m_theme->setCurrentIndex(m_theme->findData(int(options.theme)));
    m_theme->setAccessibleName(tr("Figure theme"));
    m_texData->setToolTip(
        tr("LaTeX only: write every sample to a CSV beside the .tex (same name) and read it with "
           "\\addplot table. LaTeX finds the CSV relative to the main document."));

    auto *browseButton = new QPushButton(tr("&Browse…"), this);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browseButton);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    auto *form = new QFormLayout(this);
    auto *fileLabel = new QLabel(tr("&File (.png, .svg, .pdf, .tex):"), this);
    fileLabel->setBuddy(m_path); // shows the mnemonic, not a literal "&"
    form->addRow(fileLabel, pathRow);
    form->addRow(tr("&Width:"), m_width);
    form->addRow(tr("&Height:"), m_height);
    form->addRow(tr("PNG &scale:"), m_scale);
    form->addRow(tr("&Theme:"), m_theme);
    form->addRow(tr("LaTeX:"), m_texData);
    m_problem->setWordWrap(true);
    m_problem->setAccessibleName(tr("Why the figure cannot be saved"));
    form->addRow(m_problem);
    form->addRow(buttons);

    connect(browseButton, &QPushButton::clicked, this, &FigureExportDialog::browse);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_path, &QLineEdit::textChanged, this, &FigureExportDialog::updateAcceptable);
    connect(m_width, &QSpinBox::valueChanged, this, &FigureExportDialog::updateAcceptable);
    connect(m_height, &QSpinBox::valueChanged, this, &FigureExportDialog::updateAcceptable);
    connect(m_scale, &QDoubleSpinBox::valueChanged, this, &FigureExportDialog::updateAcceptable);
    m_saveButton = buttons->button(QDialogButtonBox::Save);
    updateAcceptable();
}

QString FigureExportDialog::path() const
{
    return m_path->text().trimmed();
}

elu::FigureOptions FigureExportDialog::options() const
{
    return {m_width->value(), m_height->value(), m_scale->value(),
            static_cast<elu::FigureTheme>(m_theme->currentData().toInt())};
}

bool FigureExportDialog::texData() const
{
    return m_texData->isEnabled() && m_texData->isChecked();
}

void FigureExportDialog::browse()
{
    const QString chosen = QFileDialog::getSaveFileName(
        this, tr("Export Figure"), path(),
        tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf);;"
           "LaTeX pgfplots figure (*.tex)"));
    if (!chosen.isEmpty())
        m_path->setText(chosen);
}

void FigureExportDialog::updateAcceptable()
{
    // Only a path whose suffix names a figure format can be saved, and a PNG only within the
    // pixel budget; the reason is shown beside the disabled button.
    const std::optional<FigureFormat> format = figureFormatForPath(path());
    QString problem;
    if (!format)
        problem = tr("The file name must end in .png, .svg, .pdf or .tex.");
    else if (*format == FigureFormat::Png) {
        const elu::FigureOptions o = options();
        if (const QString error = elu::figureScaleError(o.scale, o.width, o.height);
            !error.isEmpty())
            problem = tr("A PNG of %1 × %2 at × %3 is too large: %4.")
                          .arg(o.width)
                          .arg(o.height)
                          .arg(elu::formatNumber(o.scale), error);
    }
    m_texData->setEnabled(format == FigureFormat::Tex);
    m_saveButton->setEnabled(problem.isEmpty());
    m_saveButton->setToolTip(problem);
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
}
