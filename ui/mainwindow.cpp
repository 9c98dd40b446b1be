// SPDX-License-Identifier: MIT
#include "mainwindow.h"
#include "ui_mainwindow.h"

#include "aboutdialog.h"
#include "animationexportdialog.h"
#include "continuitynote.h"
#include "curvelistwidget.h"
#include "catalogue.h"
#include "figureexportdialog.h"
#include "parametercontrols.h"
#include "playcontrols.h"
#include "plotview.h"
#include "statisticspanel.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QSpinBox>
#include <QKeyEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QRegularExpression>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>

#include <cmath>

namespace {

constexpr int noteTimeoutMs = 10000;

} // namespace

MainWindow::MainWindow(QSettings &settings, QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_settingsStore(settings)
    , m_settings(settings)
{
    m_ui->setupUi(this);
    createControls();
    createActions();
    createStatusBar();
    readSettings();
}

MainWindow::~MainWindow()
{
    // QWidget's destructor still delivers events (focus-out commits a spin box's edit) after
    // the members are gone: stop filtering, and take the widgets down while the model lives.
    qApp->removeEventFilter(this);
    delete centralWidget();
}

PlotView *MainWindow::plotView() const
{
    return m_ui->plotView;
}

void MainWindow::createControls()
{
    m_ui->plotView->setModel(&m_model);
    m_controls = new ParameterControls(&m_model, m_ui->controlsHost);
    m_ui->controlsHost->layout()->addWidget(m_controls);
    m_playControls = new PlayControls(&m_model, m_ui->plotView, m_ui->controlsHost);
    m_ui->controlsHost->layout()->addWidget(m_playControls);
    m_playControls->stopOnEditsOf(m_controls->alphaControl());
    m_curveList = new CurveListWidget(&m_model, m_ui->curveListHost);
    m_ui->curveListHost->layout()->addWidget(m_curveList);
    connect(m_curveList, &CurveListWidget::note, this, &MainWindow::showNote);
    connect(&m_model, &elu::PlotModel::specChanged, this, &MainWindow::showCurveFacts);
    connect(&m_model, &elu::PlotModel::selectedCurveChanged, this, &MainWindow::showCurveFacts);
    connect(&m_model, &elu::PlotModel::layoutChanged, this, [this](elu::PlotLayout layout) {
        m_ui->overlaidLayoutAction->setChecked(layout == elu::PlotLayout::Overlaid);
        m_ui->stackedLayoutAction->setChecked(layout == elu::PlotLayout::Stacked);
    });
    connect(&m_model, &elu::PlotModel::rangeEndMoved, this, &MainWindow::onRangeEndMoved);
    connect(m_ui->plotView, &PlotView::cursorMoved, this, &MainWindow::showReadout);
    // Tab: the controls, the Play row, then the export buttons. The ends are named: Qt 6.4 puts
    // a compound widget without a focus proxy (the controls) before its children in the chain.
    setTabOrder(m_controls->pointsControl(), m_playControls->playButton());
    QWidget *previous = m_playControls->repeatBox();
    for (QWidget *next :
         std::initializer_list<QWidget *>{m_ui->exportDataButton, m_ui->exportFigureButton,
                                          m_ui->exportAllButton, m_ui->resetViewButton}) {
        setTabOrder(previous, next);
        previous = next;
    }
    m_statistics = StatisticsPanel::install(*this, &m_model, m_ui->viewMenu, m_ui->fileMenu,
                                            m_ui->copyFigureAction);
    connect(m_statistics, &StatisticsPanel::note, this, &MainWindow::showNote);
}

void MainWindow::createActions()
{
    connect(m_ui->openSessionAction, &QAction::triggered, this, &MainWindow::openSession);
    connect(m_ui->saveSessionAction, &QAction::triggered, this, &MainWindow::saveSession);
    fillRecentSessionsMenu();
    connect(m_ui->exportDataAction, &QAction::triggered, this, &MainWindow::exportData);
    connect(m_ui->exportFigureAction, &QAction::triggered, this, &MainWindow::exportFigure);
    connect(m_ui->exportAllAction, &QAction::triggered, this, &MainWindow::exportAll);
    connect(m_ui->exportAnimationAction, &QAction::triggered, this, &MainWindow::exportAnimation);
    connect(m_ui->copyFigureAction, &QAction::triggered, this, &MainWindow::copyFigure);
    connect(m_ui->quitAction, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->resetViewAction, &QAction::triggered, m_ui->plotView, &PlotView::resetView);
    auto *layouts = new QActionGroup(this);
    layouts->addAction(m_ui->overlaidLayoutAction);
    layouts->addAction(m_ui->stackedLayoutAction);
    connect(m_ui->overlaidLayoutAction, &QAction::triggered, this,
            [this] { m_model.setLayout(elu::PlotLayout::Overlaid); });
    connect(m_ui->stackedLayoutAction, &QAction::triggered, this,
            [this] { m_model.setLayout(elu::PlotLayout::Stacked); });
    connect(m_ui->restoreDefaultsAction, &QAction::triggered, this, &MainWindow::restoreDefaults);
    connect(m_ui->aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_ui->exportDataButton, &QPushButton::clicked, m_ui->exportDataAction,
            &QAction::trigger);
    connect(m_ui->exportFigureButton, &QPushButton::clicked, m_ui->exportFigureAction,
            &QAction::trigger);
    connect(m_ui->exportAllButton, &QPushButton::clicked, m_ui->exportAllAction, &QAction::trigger);
    connect(m_ui->resetViewButton, &QPushButton::clicked, m_ui->resetViewAction, &QAction::trigger);
    m_ui->quitAction->setShortcuts(QKeySequence::Quit);

    m_askSavePath = [this](const QString &caption, const QString &suggested,
                           const QString &filter) {
        // A name typed without a suffix takes the type chosen in the dialog.
        QString chosenFilter;
        const QString path =
            QFileDialog::getSaveFileName(this, caption, suggested, filter, &chosenFilter);
        return withSuffixOfFilter(path, chosenFilter);
    };
    // Export shortcuts work wherever the keyboard focus is: a spin box's line edit would
    // otherwise take Ctrl+E ("end of line") for itself.
    qApp->installEventFilter(this);
    m_askAnimation = [this](const AnimationRequest &suggested,
                            const elu::ActivationParameter &parameter)
        -> std::optional<AnimationRequest> {
        AnimationExportDialog dialog(suggested, parameter, this);
        const elu::PlotSpec spec = m_model.spec();
        const int curve = m_model.selectedCurve();
        dialog.setSweepCheck([spec, curve, symbol = parameter.symbol](
                                 const elu::ParameterSweep &sweep) -> QString {
            const std::optional<double> refused = elu::firstRefusedValue(spec, curve, sweep);
            if (!refused)
                return {};
            return tr("at %1 = %2 the curve would be the same as another one")
                .arg(symbol, elu::formatNumber(*refused));
        });
        if (dialog.exec() != QDialog::Accepted)
            return std::nullopt;
        return dialog.request();
    };
    m_animationRenderer = QCoreApplication::applicationFilePath();
    m_askFigure = [this](const FigureRequest &suggested) -> std::optional<FigureRequest> {
        FigureExportDialog dialog(suggested.path, suggested.options, this);
        if (dialog.exec() != QDialog::Accepted)
            return std::nullopt;
        m_figureTexData = dialog.texData();
        return FigureRequest{dialog.path(), dialog.options()};
    };
}

QString MainWindow::withSuffixOfFilter(const QString &path, const QString &chosenFilter)
{
    // "data" saved with "CSV data (*.csv)" chosen is data.csv, as the dialog's user expects; a
    // name typed with a suffix the app writes ("data.json") keeps it, whatever the filter.
    static const QRegularExpression suffixPattern(QStringLiteral("\\*(\\.\\w+)"));
    static const QStringList written{QStringLiteral("json"), QStringLiteral("csv"),
                                     QStringLiteral("png"),  QStringLiteral("svg"),
                                     QStringLiteral("pdf"),  QStringLiteral("elusession")};
    const QRegularExpressionMatch match = suffixPattern.match(chosenFilter);
    if (path.isEmpty() || !match.hasMatch()
        || written.contains(QFileInfo(path).suffix(), Qt::CaseInsensitive))
        return path;
    return path + match.captured(1);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::ShortcutOverride)
        return QMainWindow::eventFilter(watched, event);
    const auto *widget = qobject_cast<QWidget *>(watched);
    if (!widget || widget->window() != this)
        return false;
    const QKeySequence pressed(static_cast<QKeyEvent *>(event)->keyCombination());
    for (const QAction *action : {m_ui->exportDataAction, m_ui->exportFigureAction,
                                  m_ui->exportAllAction, m_ui->exportAnimationAction,
                                  m_ui->copyFigureAction}) {
        if (action->shortcut() == pressed)
            return true; // not overridden: the action's shortcut fires
    }
    return false;
}

void MainWindow::createStatusBar()
{
    // The note keeps room for three lines, so a longer note never shifts the controls.
    m_ui->continuityLabel->setMinimumHeight(3 * m_ui->continuityLabel->fontMetrics().lineSpacing());
    m_ui->continuityLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_readout = new QLabel(this);
    m_readout->setAccessibleName(tr("Values under the cursor"));
    m_readout->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addPermanentWidget(m_readout);
}

void MainWindow::readSettings()
{
    const elu::AppSettings::Loaded loaded = m_settings.load();
    QStringList problems = loaded.problems;
    if (m_settingsStore.status() == QSettings::FormatError)
        problems << tr("the settings file %1 could not be read")
                        .arg(QDir::toNativeSeparators(m_settingsStore.fileName()));
    m_figureOptions = loaded.figure;
    if (const QString error = m_model.setSpec(loaded.spec); !error.isEmpty()) {
        problems
            << tr("saved parameters were not usable (%1), so the defaults are used").arg(error);
        m_model.setSpec(elu::PlotSpec());
    }
    m_model.setLayout(loaded.layout);
    showCurveFacts();
    const QByteArray geometry = m_settings.windowGeometry();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        if (!geometry.isEmpty())
            problems << tr("the saved window geometry was not usable");
        fitDefaultSizeToScreen();
    }
    if (!problems.isEmpty())
        showNote(tr("Settings: %1.").arg(problems.join(QStringLiteral("; "))));
}

void MainWindow::fitDefaultSizeToScreen()
{
    // The form's 1100×760, or nine tenths of a smaller screen.
    if (const QScreen *screen = this->screen()) {
        const QSize available = screen->availableSize() * 0.9;
        resize(size().boundedTo(available));
    }
}

void MainWindow::writeSettings()
{
    m_settings.saveSpec(m_model.spec());
    m_settings.saveLayout(m_model.layout());
    m_settings.saveFigureOptions(m_figureOptions);
    m_settings.saveWindowGeometry(saveGeometry());
    m_settingsStore.sync();
    if (m_settingsStore.status() != QSettings::NoError) // the window is closing: tell the terminal
        qWarning("elu-explorer: the settings could not be saved to %s",
                 qPrintable(QDir::toNativeSeparators(m_settingsStore.fileName())));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    writeSettings();
    event->accept();
}

void MainWindow::showNote(const QString &note)
{
    statusBar()->showMessage(note, noteTimeoutMs);
}

QString MainWindow::continuityText() const
{
    return m_ui->continuityLabel->text();
}

QString MainWindow::readoutText() const
{
    return m_readout->text();
}

void MainWindow::showCurveFacts()
{
    // The selected curve's smoothness; with several curves the note names the curve.
    const elu::PlotSpec &spec = m_model.spec();
    QString note = elu::continuityNote(m_model.selected());
    if (spec.curves.size() > 1 && m_model.selected().activation != elu::ActivationId::Elu)
        note = m_model.selected().descriptor().displayName + QStringLiteral(": ") + note;
    m_ui->continuityLabel->setText(note);
    showReadout(m_cursorX); // the values under a resting cursor follow α
    // Qt adds the application's display name ("— ELU Explorer") itself.
    QStringList labels;
    for (const elu::Curve &curve : spec.curves)
        labels << curve.displayLabel();
    setWindowTitle(labels.join(QStringLiteral("; ")));
}

void MainWindow::onRangeEndMoved(elu::PlotModel::RangeEnd end, double value)
{
    const bool movedMax = end == elu::PlotModel::RangeEnd::Max;
    showNote(movedMax ? tr("x max moved to %1 to stay above x min").arg(elu::formatNumber(value))
                      : tr("x min moved to %1 to stay below x max").arg(elu::formatNumber(value)));
}

void MainWindow::showReadout(double x)
{
    m_cursorX = x;
    if (std::isnan(x)) {
        m_readout->clear();
        return;
    }
    // Round x to the digits one pixel can tell apart, then show the exact values at that x.
    double xLower, xUpper, yLower, yUpper;
    m_ui->plotView->visibleRange(xLower, xUpper, yLower, yUpper);
    const double perPixel = (xUpper - xLower) / std::max(1, m_ui->plotView->width());
    const int decimals = std::clamp(int(std::ceil(-std::log10(perPixel))) + 1, 0, 15);
    const double shownX = QString::number(x, 'f', decimals).toDouble();
    QString text = tr("x = %1").arg(elu::formatNumber(shownX));
    const elu::PlotSpec visible = m_model.visibleSpec();
    for (const elu::Curve &curve : visible.curves) {
        text += tr("   %1(x) = %2   %1′(x) = %3")
                    .arg(curve.descriptor().displayName, elu::formatNumber(curve.value(shownX)),
                         elu::formatNumber(curve.derivative(shownX)));
    }
    m_readout->setText(text);
}

void MainWindow::restoreDefaults()
{
    m_model.setState(elu::PlotSpec(), std::vector<elu::CurveAppearance>(1), 0,
                     elu::PlotLayout::Overlaid);
    m_ui->plotView->resetView();
    showNote(tr("Restored the article's values: α = 1, x from −2 to 2, 1000 points"));
}

void MainWindow::showAbout()
{
    AboutDialog dialog(PlotView::plotLibraryVersion(), this);
    dialog.exec();
}
