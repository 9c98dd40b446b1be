// SPDX-License-Identifier: MIT
#include "controlleddevice.h"

namespace elu {

ControlledDevice::ControlledDevice(QIODevice &target, const WriteControl &control)
    : m_target(target)
    , m_control(control)
{
    open(QIODevice::WriteOnly | QIODevice::Unbuffered);
}

qint64 ControlledDevice::readData(char *, qint64)
{
    return -1;
}

qint64 ControlledDevice::writeData(const char *data, qint64 size)
{
    if (m_control.cancelled && m_control.cancelled->load()) {
        m_cancelled = true;
        setErrorString(QStringLiteral("the export was cancelled"));
        return -1;
    }
    const qint64 written = m_target.write(data, size);
    if (written < 0) {
        setErrorString(m_target.errorString());
        return -1;
    }
    m_written += written;
    if (m_control.progress)
        m_control.progress(m_written);
    return written;
}

} // namespace elu
