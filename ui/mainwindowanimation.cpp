// SPDX-License-Identifier: MIT
// MainWindow's Export Animation: the dialog, then the headless renderer.
#include "mainwindow.h"

#include "animationprocess.h"
#include "playcontrols.h"
#include "plotview.h"
#include "sweepplayer.h"

#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QStatusBar>

namespace {

constexpr int messageTimeoutMs = 10000;

// The renderer's "cannot write PATH: reason" as a WriteError of `path`.
elu::WriteError rendererError(const QString &path, const QString &message)
{
    const QString prefix =
        QStringLiteral("cannot write %1: ").arg(QDir::toNativeSeparators(path));
    return {path, message.startsWith(prefix) ? message.mid(prefix.size()) : message};
}

} // namespace

void MainWindow::exportAnimation()
{
    const int selected = m_model.selectedCurve();
    const elu::Curve &curve = m_model.spec().curves[std::size_t(selected)];
    const std::optional<elu::ActivationParameter> &parameter = curve.descriptor().parameter;
    QString refusal;
    if (!parameter)
        refusal = tr("%1 has no parameter to animate. Select a curve that has one: ELU, CELU, "
                     "Leaky ReLU or Softplus.")
                      .arg(curve.descriptor().displayName);
    else if (!m_model.appearance()[std::size_t(selected)].visible)
        refusal = tr("The selected curve is hidden. Show it to animate its %1.")
                      .arg(parameter->symbol);
    if (!refusal.isEmpty()) {
        // Window-modal and opened, not exec()'d, like the window's other messages.
        auto *box = new QMessageBox(QMessageBox::Information, tr("Export Animation"), refusal,
                                    QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setWindowModality(Qt::WindowModal);
        box->open();
        return;
    }

    // What the Play row plays is what is exported: its bounds, its duration, back and forth
    // when it bounces; the format, size and frames as last exported.
    const SweepPlayer *player = m_playControls->player();
    AnimationRequest suggested;
    suggested.figure = m_figureOptions;
    suggested.figure.scale = 1.0; // web pages and slides: the PNG's 2 would quadruple the file
    suggested.sweep = {elu::latin1(parameter->keyword), player->from(), player->to()};
    suggested.sweep.duration = player->duration();
    suggested.sweep.repeat = player->repeat() == elu::SweepRepeat::Bounce
                                 ? elu::SweepRepeat::Bounce
                                 : elu::SweepRepeat::Loop;
    if (m_lastAnimation) {
        suggested.format = m_lastAnimation->format;
        suggested.figure = m_lastAnimation->figure;
        suggested.sweep.frames = m_lastAnimation->sweep.frames;
    }
    // "elu-alpha-sweep.gif", in the last export folder.
    const QString suffix = animationSuffix(suggested.format);
    suggested.path = QFileInfo(suggestedPath(suffix))
                         .dir()
                         .filePath(QStringLiteral("%1-%2-sweep.%3")
                                       .arg(elu::latin1(curve.descriptor().name),
                                            suggested.sweep.keyword, suffix));
    const std::optional<AnimationRequest> request = m_askAnimation(suggested, *parameter);
    if (!request || request->path.isEmpty())
        return;
    if (exportAnimationTo(*request))
        m_lastAnimation = request;
}

bool MainWindow::exportAnimationTo(const AnimationRequest &request)
{
    elu::Session shown = session();
    shown.figure = request.figure;
    const AnimationOutcome outcome =
        renderAnimation(this, m_animationRenderer, shown, m_model.selectedCurve(), request);
    rememberFolderOf(request.path);
    const QString path = QDir::toNativeSeparators(request.path);
    if (outcome.cancelled) {
        statusBar()->showMessage(tr("Export cancelled; %1 was left as it was").arg(path),
                                 messageTimeoutMs);
        return false;
    }
    if (!outcome.written) {
        showWriteError(tr("The animation could not be exported."),
                       {rendererError(request.path, outcome.error)});
        return false;
    }
    statusBar()->showMessage(
        tr("Saved %1 (%2 frames)").arg(path).arg(request.sweep.frames), messageTimeoutMs);
    return true;
}
