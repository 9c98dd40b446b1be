// SPDX-License-Identifier: MIT
#include "datawriter.h"

#include "elu.h"
#include "numberformat.h"
#include "orderedparallelformat.h"
#include "safefilewriter.h"
#include "samplegrid.h"
#include "version.h"

#include <QIODevice>

#include <string>

namespace elu {

namespace {

// 64 Ki samples a task: large enough to amortise a thread start, small enough to keep memory
// at a few MB for any N.
constexpr qint64 samplesPerChunk = 1 << 16;

bool writeAll(QIODevice &device, const std::string &text)
{
    return device.write(text.data(), qint64(text.size())) == qint64(text.size());
}

void appendNumber(std::string &out, double value)
{
    char buffer[maxNumberLength];
    out.append(buffer, writeShortest(buffer, value));
}

template<class ValueAt>
bool writeJsonArray(QIODevice &device, const SampleGrid &grid, ValueAt valueAt)
{
    return formatInOrder(
        grid.count(), samplesPerChunk,
        [&](qint64 begin, qint64 end, std::string &out) {
            out.reserve(std::size_t(end - begin) * 25);
            for (qint64 i = begin; i < end; ++i) {
                if (i > 0)
                    out.push_back(',');
                appendNumber(out, valueAt(grid.x(i)));
            }
        },
        [&](const std::string &text) { return writeAll(device, text); });
}

} // namespace

QString generatorName()
{
    return QStringLiteral("elu-explorer " ELU_EXPLORER_VERSION);
}

bool writeJson(QIODevice &device, const Parameters &parameters)
{
    const double alpha = parameters.alpha;
    const SampleGrid grid(parameters.xmin, parameters.xmax, parameters.points);
    std::string header = "{\n \"activation\": \"elu\",\n \"alpha\": ";
    appendNumber(header, alpha);
    header += ",\n \"xmin\": ";
    appendNumber(header, parameters.xmin);
    header += ",\n \"xmax\": ";
    appendNumber(header, parameters.xmax);
    header += ",\n \"points\": " + std::to_string(parameters.points);
    header += ",\n \"generator\": \"" + generatorName().toStdString() + "\",\n \"x\": [";

    return writeAll(device, header) && writeJsonArray(device, grid, [](double x) { return x; })
           && writeAll(device, "],\n \"y\": [")
           && writeJsonArray(device, grid, [alpha](double x) { return value(x, alpha); })
           && writeAll(device, "],\n \"yp\": [")
           && writeJsonArray(device, grid, [alpha](double x) { return derivative(x, alpha); })
           && writeAll(device, "]\n}\n");
}

bool writeCsv(QIODevice &device, const Parameters &parameters)
{
    const double alpha = parameters.alpha;
    const SampleGrid grid(parameters.xmin, parameters.xmax, parameters.points);
    return writeAll(device, "x,y,yp\n")
           && formatInOrder(
               grid.count(), samplesPerChunk,
               [&](qint64 begin, qint64 end, std::string &out) {
                   out.reserve(std::size_t(end - begin) * 72);
                   for (qint64 i = begin; i < end; ++i) {
                       const double x = grid.x(i);
                       appendNumber(out, x);
                       out.push_back(',');
                       appendNumber(out, value(x, alpha));
                       out.push_back(',');
                       appendNumber(out, derivative(x, alpha));
                       out.push_back('\n');
                   }
               },
               [&](const std::string &text) { return writeAll(device, text); });
}

WriteResult saveJson(const QString &path, const Parameters &parameters)
{
    return writeFileAtomically(path,
                               [&](QIODevice &device) { return writeJson(device, parameters); });
}

WriteResult saveCsv(const QString &path, const Parameters &parameters)
{
    return writeFileAtomically(path,
                               [&](QIODevice &device) { return writeCsv(device, parameters); });
}

} // namespace elu
