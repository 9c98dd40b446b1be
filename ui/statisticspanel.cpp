// SPDX-License-Identifier: MIT
#include "statisticspanel.h"

#include "momentsplotfigure.h"

#include "momentsplot.h"
#include "momentssweep.h"
#include "momentstablemodel.h"
#include "numberspinbox.h"
#include "sliderspinbox.h"
#include "statswriter.h"

#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

constexpr int seluLayerCount = 6;

elu::SliderMapping muMapping()
{
    return {elu::limits::muMin, elu::limits::muMax, 2000, 0.01, elu::SliderMapping::Shape::Linear};
}

// Quadratic, like α: σ below 1 gets a third of the slider.
elu::SliderMapping sigmaMapping()
{
    return {elu::limits::sigmaMin, elu::limits::sigmaMax, 1000, 0.001,
            elu::SliderMapping::Shape::Quadratic};
}

} // namespace

StatisticsPanel::StatisticsPanel(elu::PlotModel *model, QWidget *parent)
    : QDockWidget(tr("Statistics under Gaussian input"), parent)
    , m_model(model)
    , m_mu(new SliderSpinBox(muMapping(), elu::limits::muMin, elu::limits::muMax,
                             tr("Input mean μ"), this))
    , m_sigma(new SliderSpinBox(sigmaMapping(), elu::limits::sigmaMin, elu::limits::sigmaMax,
                                tr("Input standard deviation σ"), this))
    , m_table(new QTableView(this))
    , m_tableModel(new MomentsTableModel(this))
    , m_copyButton(new QPushButton(tr("Cop&y table"), this))
    , m_exportButton(new QPushButton(tr("Export &JSON…"), this))
    , m_savePlotButton(new QPushButton(tr("Save p&lot…"), this))
    , m_plot(new MomentsPlot(this))
    , m_layerMap(new QLabel(this))
    , m_exportAction(new QAction(tr("Export S&tatistics…"), this))
{
    setObjectName(QStringLiteral("statisticsPanel")); // for QMainWindow::saveState
    m_mu->setToolTip(tr("Mean μ of the input X ~ N(μ, σ²), from −10 to 10"));
    m_sigma->setToolTip(tr("Standard deviation σ of the input X ~ N(μ, σ²), from 0.001 to 10"));
    m_mu->setValue(m_input.mu);
    m_sigma->setValue(m_input.sigma);
    m_table->setModel(m_tableModel);
    m_table->setAccessibleName(tr("Moments per curve"));
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // Exact numbers are wide: the table scrolls sideways rather than cut a number short.
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_copyButton->setToolTip(tr("Copy the table as tab-separated text, with a header line"));
    m_exportAction->setToolTip(tr("Save the moments of every curve as JSON"));
    m_exportButton->setToolTip(m_exportAction->toolTip());
    m_layerMap->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_layerMap->setAccessibleName(tr("SELU layer by layer"));
    m_layerMap->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    auto *content = new QWidget(this);
    auto *layout = new QHBoxLayout(content);
    auto *left = new QVBoxLayout;
    auto *inputs = new QFormLayout;
    inputs->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    auto *muLabel = new QLabel(tr("M&ean μ:"), content);
    muLabel->setBuddy(m_mu);
    auto *sigmaLabel = new QLabel(tr("S&tandard deviation σ:"), content);
    sigmaLabel->setBuddy(m_sigma);
    inputs->addRow(muLabel, m_mu);
    inputs->addRow(sigmaLabel, m_sigma);
    left->addLayout(inputs);
    left->addWidget(m_table, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_copyButton);
    buttons->addWidget(m_exportButton);
    buttons->addWidget(m_savePlotButton);
    buttons->addStretch(1);
    left->addLayout(buttons);
    auto *right = new QVBoxLayout;
    right->addWidget(m_plot, 1);
    right->addWidget(m_layerMap);
    layout->addLayout(left, 1); // the table takes what the plot and the layer map leave
    layout->addLayout(right, 0);
    setWidget(content);

    m_askSavePath = [this](const QString &caption, const QString &suggested,
                           const QString &filter) {
        return QFileDialog::getSaveFileName(this, caption, suggested, filter);
    };
    connect(m_mu, &SliderSpinBox::valueEdited, this,
            [this](double mu) { editInput(mu, m_input.sigma); });
    connect(m_sigma, &SliderSpinBox::valueEdited, this,
            [this](double sigma) { editInput(m_input.mu, sigma); });
    connect(m_copyButton, &QPushButton::clicked, this, &StatisticsPanel::copyTable);
    connect(m_exportButton, &QPushButton::clicked, m_exportAction, &QAction::trigger);
    connect(m_exportAction, &QAction::triggered, this, &StatisticsPanel::exportStatistics);
    m_savePlotButton->setAccessibleName(tr("Save the moments plot as a figure"));
    connect(m_savePlotButton, &QPushButton::clicked, this, &StatisticsPanel::savePlot);
    connect(m_model, &elu::PlotModel::specChanged, this, &StatisticsPanel::scheduleRefresh);
    connect(m_model, &elu::PlotModel::selectedCurveChanged, this,
            &StatisticsPanel::scheduleRefresh);
    connect(this, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible && m_stale)
            scheduleRefresh();
    });
}

StatisticsPanel::~StatisticsPanel()
{
    // A spin box losing focus as it is destroyed would commit its text: nothing may reach the
    // model, which may be gone already, or come back from it.
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    for (QAbstractSpinBox *box : findChildren<QAbstractSpinBox *>())
        box->blockSignals(true);
}

StatisticsPanel *StatisticsPanel::install(QMainWindow &window, elu::PlotModel *model,
                                          QMenu *viewMenu, QMenu *fileMenu, QAction *exportAfter)
{
    auto *panel = new StatisticsPanel(model, &window);
    window.addDockWidget(Qt::BottomDockWidgetArea, panel);
    panel->hide();
    QAction *toggle = panel->toggleViewAction();
    toggle->setText(tr("S&tatistics"));
    toggle->setToolTip(tr("Show or hide the statistics of the curves under Gaussian input"));
    viewMenu->addSeparator();
    viewMenu->addAction(toggle);
    const QList<QAction *> actions = fileMenu->actions();
    fileMenu->insertAction(actions.value(actions.indexOf(exportAfter) + 1), panel->exportAction());
    return panel;
}

bool StatisticsPanel::setInput(const elu::GaussianInput &input)
{
    if (!elu::gaussianInputError(input.mu, input.sigma).isEmpty())
        return false;
    m_input = input;
    m_mu->setValue(input.mu);
    m_sigma->setValue(input.sigma);
    scheduleRefresh();
    return true;
}

void StatisticsPanel::editInput(double mu, double sigma)
{
    if (!elu::gaussianInputError(mu, sigma).isEmpty()) { // the spin boxes' ranges prevent it
        setInput(m_input);
        return;
    }
    if (elu::GaussianInput{mu, sigma} == m_input)
        return;
    m_input = {mu, sigma};
    scheduleRefresh();
    emit inputEdited(m_input);
}

void StatisticsPanel::scheduleRefresh()
{
    // Once per pass of the event loop however many edits arrive, and not at all while hidden.
    m_stale = true;
    if (m_refreshScheduled || !isVisible())
        return;
    m_refreshScheduled = true;
    QMetaObject::invokeMethod(this, &StatisticsPanel::refresh, Qt::QueuedConnection);
}

void StatisticsPanel::refresh()
{
    m_refreshScheduled = false;
    if (!m_model)
        return;
    m_stale = false;
    m_tableModel->setRows(elu::curveMoments(m_model->spec().curves, m_input));
    showParameterPlot();
    showLayerMap();
}

void StatisticsPanel::showParameterPlot()
{
    const elu::Curve &curve = m_model->selected();
    const elu::Activation &row = curve.descriptor();
    constexpr double none = std::numeric_limits<double>::quiet_NaN();
    if (!row.parameter) {
        m_plot->setNote(
            curve.activation == elu::ActivationId::Selu
                ? tr("SELU has no parameter to plot the moments against; its (mean, variance) "
                     "map, layer by layer, is below.")
                : tr("%1 has no parameter to plot the moments against.").arg(row.displayName));
        m_plot->setMarker(none, none, none);
        return;
    }
    const SweepRange range = sweepRange(curve);
    const SweepKey key{curve.activation, range.lo, range.hi, m_input};
    if (key != m_sweepKey) {
        m_plot->setSeries(
            sweepSeries(curve.activation, range, m_input, sweepPoints(curve.activation)));
        m_sweepKey = key;
    }
    m_plot->setNote(QString());
    const elu::Moments &m = m_tableModel->rows()[std::size_t(m_model->selectedCurve())].moments;
    m_plot->setMarker(curve.parameter, m.mean, m.variance);
}

void StatisticsPanel::showLayerMap()
{
    const std::vector<elu::Curve> &curves = m_model->spec().curves;
    const bool hasSelu = std::any_of(curves.begin(), curves.end(), [](const elu::Curve &c) {
        return c.activation == elu::ActivationId::Selu;
    });
    m_layerMap->setVisible(hasSelu);
    if (!hasSelu)
        return;
    QStringList lines{
        tr("SELU, layer by layer from (μ, σ²) = (%1, %2):")
            .arg(elu::formatNumber(m_input.mu), elu::formatNumber(m_input.sigma * m_input.sigma))};
    const std::vector<LayerStep> steps = seluLayers(m_input, seluLayerCount);
    for (std::size_t i = 0; i < steps.size(); ++i)
        lines << tr("%1: μ = %2, σ² = %3")
                     .arg(i + 1)
                     .arg(elu::formatNumber(steps[i].mean), elu::formatNumber(steps[i].variance));
    if (int(steps.size()) < seluLayerCount)
        lines << tr("(the next layer's input is outside μ from −10 to 10, σ from 0.001 to 10)");
    m_layerMap->setText(lines.join(QLatin1Char('\n')));
}

QString StatisticsPanel::tableText()
{
    if (m_stale)
        refresh();
    return m_tableModel->tabSeparatedText();
}

void StatisticsPanel::copyTable()
{
    QGuiApplication::clipboard()->setText(tableText());
    emit note(
        tr("Copied the statistics of %n curve(s) as text", nullptr, m_tableModel->rowCount()));
}

void StatisticsPanel::exportStatistics()
{
    const QString suggested =
        !m_lastExportPath.isEmpty()
            ? m_lastExportPath
            : QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                  .filePath(QStringLiteral("statistics.json"));
    QString path =
        m_askSavePath(tr("Export Statistics"), suggested, tr("JSON statistics (*.json)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".json");
    exportStatisticsTo(path);
}

bool StatisticsPanel::exportStatisticsTo(const QString &path)
{
    if (!m_model)
        return false;
    m_lastExportPath = path;
    const elu::WriteResult result = elu::saveStatistics(path, m_input, m_model->spec().curves);
    if (result) {
        // Window-modal and opened, not exec()'d, as the window's other export failures.
        auto *box =
            new QMessageBox(QMessageBox::Critical, tr("Export Failed"),
                            tr("The statistics could not be exported."), QMessageBox::Ok, this);
        box->setInformativeText(result->message()
                                + tr("\n\nA file that could not be written was left as it was."));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setWindowModality(Qt::WindowModal);
        box->open();
        emit note(result->message());
        return false;
    }
    emit note(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

void StatisticsPanel::savePlot()
{
    QString path = m_askSavePath(
        tr("Save Plot"),
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .filePath(QStringLiteral("moments.png")),
        tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".png");
    savePlotTo(path);
}

bool StatisticsPanel::savePlotTo(const QString &path)
{
    const elu::WriteResult result =
        saveMomentsPlot(*m_plot, path, {800, 500, 2.0, elu::FigureTheme::Light});
    emit note(result ? result->message() : tr("Saved %1").arg(QDir::toNativeSeparators(path)));
    return !result;
}
