// SPDX-License-Identifier: MIT
#pragma once

#include "gaussianmoments.h"
#include "plotmodel.h"
#include "writeerror.h"

#include <QDockWidget>
#include <QPointer>

#include <functional>
#include <optional>

class MomentsPlot;
class MomentsTableModel;
class QLabel;
class QMainWindow;
class QMenu;
class QPushButton;
class QTableView;
class SliderSpinBox;

/// "Statistics under Gaussian input": μ and σ of X ~ N(μ, σ²), each a slider with a spin box;
/// a table of E[f(X)], Var[f(X)], E[f′(X)] and E[f′(X)²] per curve of the model; a plot of the
/// mean and variance against the selected curve's parameter with its value marked; and, when
/// the plot holds SELU, SELU's (mean, variance) map over a few layers. It observes the model and
/// recomputes at most once per pass of the event loop, only while shown.
class StatisticsPanel : public QDockWidget
{
    Q_OBJECT

public:
    /// Seam for the file dialog, as MainWindow's: an empty path cancels.
    using SavePathPrompt = std::function<QString(
        const QString &caption, const QString &suggestedPath, const QString &filter)>;

    explicit StatisticsPanel(elu::PlotModel *model, QWidget *parent = nullptr);
    ~StatisticsPanel() override;

    /// A panel for `model` docked at the bottom of `window`, hidden until View ▸ Statistics
    /// (added to `viewMenu`) shows it; Export Statistics… goes into `fileMenu` after
    /// `exportAfter`.
    static StatisticsPanel *install(QMainWindow &window, elu::PlotModel *model, QMenu *viewMenu,
                                    QMenu *fileMenu, QAction *exportAfter);

    elu::GaussianInput input() const { return m_input; }
    /// Shows `input` (from a session or the command line) without emitting inputEdited; an
    /// input gaussianInputError refuses is ignored (returns false).
    bool setInput(const elu::GaussianInput &input);

    /// Recomputes the table, the plot and the layer map now.
    void refresh();

    /// The table as tab-separated text with a header line (what Copy table puts on the
    /// clipboard); up to date even while the panel is hidden.
    QString tableText();
    void copyTable();

    /// Asks for a path and writes the statistics JSON there (statswriter.h).
    void exportStatistics();
    /// Writes the statistics JSON of every curve at `path`; a failure is a dialog naming the file
    /// and the reason. Returns true on success.
    bool exportStatisticsTo(const QString &path);
    QAction *exportAction() const { return m_exportAction; }
    /// Asks for a path and saves the moments plot there as PNG, SVG or PDF (momentsplotfigure.h),
    /// at 800 × 500 in the light theme; a failure is a note naming the file and the reason.
    void savePlot();
    bool savePlotTo(const QString &path);
    void setSavePathPrompt(SavePathPrompt prompt) { m_askSavePath = std::move(prompt); }

    SliderSpinBox *muControl() const { return m_mu; }
    SliderSpinBox *sigmaControl() const { return m_sigma; }
    QTableView *table() const { return m_table; }
    MomentsTableModel *tableModel() const { return m_tableModel; }
    MomentsPlot *plot() const { return m_plot; }
    QLabel *layerMapLabel() const { return m_layerMap; }
    QPushButton *copyButton() const { return m_copyButton; }
    QPushButton *savePlotButton() const { return m_savePlotButton; }

signals:
    /// The user changed μ or σ.
    void inputEdited(const elu::GaussianInput &input);
    /// A line for the status bar: a copy or an export that succeeded.
    void note(const QString &text);

private:
    void scheduleRefresh();
    void editInput(double mu, double sigma);
    void showParameterPlot();
    void showLayerMap();

    QPointer<elu::PlotModel> m_model;
    elu::GaussianInput m_input;
    SliderSpinBox *m_mu;
    SliderSpinBox *m_sigma;
    QTableView *m_table;
    MomentsTableModel *m_tableModel;
    QPushButton *m_copyButton;
    QPushButton *m_exportButton;
    QPushButton *m_savePlotButton;
    MomentsPlot *m_plot;
    QLabel *m_layerMap;
    QAction *m_exportAction;
    SavePathPrompt m_askSavePath;
    QString m_lastExportPath;
    bool m_refreshScheduled = false;
    bool m_stale = true;
    /// What the plotted sweep was computed for; it is recomputed only when this changes.
    struct SweepKey
    {
        elu::ActivationId activation;
        double lo, hi;
        elu::GaussianInput input;
        friend bool operator==(const SweepKey &, const SweepKey &) = default;
    };
    std::optional<SweepKey> m_sweepKey;
};
