// SPDX-License-Identifier: MIT
#pragma once

#include "activation.h"
#include "animationexportdialog.h"
#include "appsettings.h"
#include "controlleddevice.h"
#include "figureoptions.h"
#include "plotmodel.h"
#include "writeerror.h"

#include <QMainWindow>

#include <functional>
#include <limits>
#include <memory>
#include <optional>

class CurveListWidget;
class FigureExporter;
class QLabel;
class QSettings;
class ParameterControls;
class PlayControls;
class PlotView;
class StatisticsPanel;
namespace Ui {
class MainWindow;
}

/// The explorer: the plot fills the window, the controls sit below it, and the File menu and
/// buttons export data and figures.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    /// Where and how to save a figure, as the figure dialog returns it.
    struct FigureRequest
    {
        QString path;
        elu::FigureOptions options;
    };
    /// Seams for the file dialogs, so tests can answer them: return an empty path (or nullopt)
    /// to cancel.
    using SavePathPrompt = std::function<QString(
        const QString &caption, const QString &suggestedPath, const QString &filter)>;
    using FigurePrompt =
        std::function<std::optional<FigureRequest>(const FigureRequest &suggested)>;

    /// Seam for the Export Animation dialog: the suggestion and the moving curve's parameter
    /// in, the answer (or nullopt to cancel) out.
    using AnimationPrompt = std::function<std::optional<AnimationRequest>(
        const AnimationRequest &suggested, const elu::ActivationParameter &parameter)>;

    explicit MainWindow(QSettings &settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    elu::PlotModel *model() { return &m_model; }
    PlotView *plotView() const;
    ParameterControls *controls() const { return m_controls; }
    CurveListWidget *curveList() const { return m_curveList; }
    /// The statistics dock (View ▸ Statistics); its μ and σ are the session's statistics input.
    StatisticsPanel *statisticsPanel() const { return m_statistics; }
    /// The Play row under the controls: sweeps the selected curve's parameter.
    PlayControls *playControls() const { return m_playControls; }
    QString continuityText() const;
    QString readoutText() const;

    void setSavePathPrompt(SavePathPrompt prompt) { m_askSavePath = std::move(prompt); }
    void setFigurePrompt(FigurePrompt prompt) { m_askFigure = std::move(prompt); }
    void setAnimationPrompt(AnimationPrompt prompt) { m_askAnimation = std::move(prompt); }
    /// The headless elu-explorer that draws animations (this program unless a test sets it).
    void setAnimationRenderer(const QString &program) { m_animationRenderer = program; }

    /// Saves data (JSON, or CSV for a .csv suffix) / a figure / the whole set; reports success
    /// in the status bar and failure in a dialog. Return true on success.
    bool exportDataTo(const QString &path);
    bool exportFigureTo(const QString &path, const elu::FigureOptions &options);
    bool exportAllTo(const QString &basePath);
    /// Sweeps the selected curve's parameter into an animated GIF or WebP, drawn by the
    /// headless renderer with a progress dialog and Cancel (animationprocess.h).
    bool exportAnimationTo(const AnimationRequest &request);

    /// What re-makes this window and its figures: curves, appearance, layout, view, options.
    elu::Session session() const;
    /// Shows `session`: curves, appearance, selection, layout, view and figure options. Returns
    /// the reason when it cannot be shown (the window stays as it was).
    QString applySession(const elu::Session &session);
    /// Reads and applies a session file; a refusal is a dialog naming the file and the key.
    bool openSessionFile(const QString &path);
    /// Writes the session file; a failure is a dialog naming the file and the reason.
    bool saveSessionFile(const QString &path);

    /// A note in the status bar, e.g. about settings that could not be used.
    void showNote(const QString &note);

    /// `path` with the suffix of `chosenFilter` ("CSV data (*.csv)") appended when it has
    /// another or none: "data" saved with CSV chosen is data.csv.
    static QString withSuffixOfFilter(const QString &path, const QString &chosenFilter);

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createControls();
    void createActions();
    void createStatusBar();
    void readSettings();
    void writeSettings();
    void fitDefaultSizeToScreen();

    void openSession();
    void saveSession();
    void rememberSession(const QString &path);
    void fillRecentSessionsMenu();
    void exportData();
    void exportFigure();
    void exportAll();
    void exportAnimation();
    void copyFigure();
    void restoreDefaults();
    void showAbout();
    void showCurveFacts();
    static elu::WriteResult saveJsonData(const QString &path, const elu::PlotSpec &spec,
                                         const elu::WriteControl &control = {});
    void onRangeEndMoved(elu::PlotModel::RangeEnd end, double value);
    void showReadout(double x);
    void showWriteError(const QString &what, const QList<elu::WriteError> &errors);
    void rememberFolderOf(const QString &path);
    QString suggestedPath(const QString &suffix) const;

    std::unique_ptr<Ui::MainWindow> m_ui;
    QSettings &m_settingsStore;
    elu::AppSettings m_settings;
    elu::PlotModel m_model;
    elu::FigureOptions m_figureOptions;
    /// The figure dialog's "Data beside (CSV)" for a .tex figure, as last answered.
    bool m_figureTexData = false;
    ParameterControls *m_controls = nullptr;
    CurveListWidget *m_curveList = nullptr;
    StatisticsPanel *m_statistics = nullptr;
    PlayControls *m_playControls = nullptr;
    QLabel *m_readout = nullptr;
    double m_cursorX = std::numeric_limits<double>::quiet_NaN();
    SavePathPrompt m_askSavePath;
    FigurePrompt m_askFigure;
    AnimationPrompt m_askAnimation;
    QString m_animationRenderer;
    /// The last Export Animation answer: its format, size and frames are offered again.
    std::optional<AnimationRequest> m_lastAnimation;
};
