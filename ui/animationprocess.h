// SPDX-License-Identifier: MIT
#pragma once

#include "animationexportdialog.h"
#include "session.h"

#include <QString>

class QWidget;

/// How rendering an animation ended.
struct AnimationOutcome
{
    bool written = false;
    bool cancelled = false;
    QString error; ///< what the renderer said, when neither written nor cancelled
};

/// The command line that renders `request` of `session`, moving curve `curve`, in a headless
/// elu-explorer (the session is read from `sessionPath`; --progress reports each frame).
QStringList animationArguments(const QString &sessionPath, int curve,
                               const AnimationRequest &request);

/// Renders the animation in a headless `program` (elu-explorer itself), so that drawing 60
/// frames never blocks the window: a window-modal progress dialog counts the frames, and its
/// Cancel stops the renderer (SIGTERM), which then leaves the file as it was.
AnimationOutcome renderAnimation(QWidget *parent, const QString &program,
                                 const elu::Session &session, int curve,
                                 const AnimationRequest &request);
