// SPDX-License-Identifier: MIT
// Writing session files, and reading them from disk; readSession is in sessionreader.cpp.
#include "sessionfile.h"

#include "datawriter.h"
#include "numberformat.h"
#include "safefilewriter.h"

#include <QFile>
#include <QFileInfo>

namespace elu {

namespace {

class Writer
{
public:
    QByteArray bytes;

    void raw(const char *text) { bytes += text; }
    void number(double value)
    {
        char buffer[maxNumberLength];
        bytes.append(buffer, writeShortest(buffer, value) - buffer);
    }
    void string(const QString &text)
    {
        // Every string written is a name from a fixed table or "#rrggbb": no escaping needed.
        bytes += '"';
        bytes += text.toUtf8();
        bytes += '"';
    }
    void key(const char *name, bool first = false)
    {
        if (!first)
            bytes += ", ";
        bytes += '"';
        bytes += name;
        bytes += "\": ";
    }
    void topKey(const char *name)
    {
        bytes += ",\n  \"";
        bytes += name;
        bytes += "\": ";
    }
    void boolean(bool value) { bytes += value ? "true" : "false"; }
};

QString colourText(quint32 rgb)
{
    return QStringLiteral("#%1").arg(rgb & 0xFFFFFFu, 6, 16, QLatin1Char('0'));
}

void writeCurve(Writer &w, const Curve &curve, const CurveAppearance &appearance)
{
    const Activation &row = curve.descriptor();
    w.raw("    {");
    w.key("activation", true);
    w.string(elu::latin1(row.name));
    if (row.parameter) {
        w.raw(", \"");
        w.bytes.append(row.parameter->keyword.data(), qsizetype(row.parameter->keyword.size()));
        w.raw("\": ");
        w.number(curve.parameter);
    }
    w.key("colour_slot");
    w.bytes += QByteArray::number(appearance.colourSlot);
    if (appearance.customRgb) {
        w.key("colour");
        w.string(colourText(*appearance.customRgb));
    }
    w.key("visible");
    w.boolean(appearance.visible);
    w.raw("}");
}

} // namespace

QByteArray sessionBytes(const Session &session)
{
    Writer w;
    w.raw("{\n  \"format\": ");
    w.string(QLatin1String(sessionFormatName));
    w.topKey("version");
    w.bytes += QByteArray::number(sessionFormatVersion);
    w.topKey("generator");
    w.string(generatorName());
    w.topKey("curves");
    w.raw("[\n");
    for (std::size_t i = 0; i < session.spec.curves.size(); ++i) {
        if (i > 0)
            w.raw(",\n");
        const CurveAppearance appearance =
            i < session.appearance.size() ? session.appearance[i] : CurveAppearance{};
        writeCurve(w, session.spec.curves[i], appearance);
    }
    w.raw("\n  ]");
    w.topKey("selected_curve");
    w.bytes += QByteArray::number(session.selectedCurve);
    w.topKey("xmin");
    w.number(session.spec.xmin);
    w.topKey("xmax");
    w.number(session.spec.xmax);
    w.topKey("points");
    w.bytes += QByteArray::number(session.spec.points);

    const ViewRange &view = session.view;
    w.topKey("view");
    w.raw("{");
    w.key("x_lower", true);
    w.number(view.xLower);
    w.key("x_upper");
    w.number(view.xUpper);
    w.key("y_lower");
    w.number(view.yLower);
    w.key("y_upper");
    w.number(view.yUpper);
    w.key("fits_data");
    w.boolean(view.fitsData);
    w.raw("}");

    w.topKey("layout");
    w.string(layoutName(session.layout));
    w.topKey("statistics");
    w.raw("{");
    w.key("mu", true);
    w.number(session.statisticsMu);
    w.key("sigma");
    w.number(session.statisticsSigma);
    w.raw("}");

    const FigureOptions &figure = session.figure;
    w.topKey("figure");
    w.raw("{");
    w.key("width", true);
    w.bytes += QByteArray::number(figure.width);
    w.key("height");
    w.bytes += QByteArray::number(figure.height);
    w.key("scale");
    w.number(figure.scale);
    w.key("theme");
    w.string(themeName(figure.theme));
    w.raw("}\n}\n");
    return w.bytes;
}

WriteResult saveSession(const QString &path, const Session &session)
{
    if (const QString error = validate(session); !error.isEmpty())
        return WriteError{path, QStringLiteral("the session is not valid: ") + error};
    const QByteArray bytes = sessionBytes(session);
    return writeFileAtomically(
        path, [&](QIODevice &device) { return device.write(bytes) == bytes.size(); });
}

SessionReadResult readSessionFile(const QString &path)
{
    SessionReadResult result;
    const QFileInfo info(path);
    if (!info.exists()) {
        result.error = QStringLiteral("no such file");
        return result;
    }
    // A FIFO or a device could block or never end; a session is a regular file.
    if (!info.isFile()) {
        result.error = info.isDir() ? QStringLiteral("a folder, not a session file")
                                    : QStringLiteral("not a regular file");
        return result;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = file.errorString();
        return result;
    }
    if (file.size() > limits::sessionBytesMax) {
        result.error = QStringLiteral("%1 bytes is too large for a session file (at most %2)")
                           .arg(file.size())
                           .arg(limits::sessionBytesMax);
        return result;
    }
    // One byte more than the limit, in case the file grew since size() was read.
    const QByteArray bytes = file.read(limits::sessionBytesMax + 1);
    if (file.error() != QFileDevice::NoError) {
        result.error = file.errorString();
        return result;
    }
    return readSession(bytes);
}

} // namespace elu
