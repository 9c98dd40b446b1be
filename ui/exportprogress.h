// SPDX-License-Identifier: MIT
#pragma once

#include "controlleddevice.h"
#include "writeerror.h"

#include <QString>

#include <functional>

class QWidget;

/// How a long export ended: its result, and whether the user cancelled it.
struct ExportOutcome
{
    elu::WriteResult result;
    bool cancelled = false;
};

/// Runs `work` on a worker thread while the event loop keeps the window responsive, with a
/// window-modal progress dialog (after a short delay) whose Cancel stops the write: the file is
/// then left as it was and no temporary file remains. `expectedBytes` scales the progress bar.
/// `work` must not touch widgets or the model: give it copies.
ExportOutcome runExport(QWidget *parent, const QString &label, qint64 expectedBytes,
                        const std::function<elu::WriteResult(const elu::WriteControl &)> &work);
