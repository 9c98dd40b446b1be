// SPDX-License-Identifier: MIT
#include "commandlinerules.h"

#include "commandline.h"
#include "datawriter.h"
#include "texwriter.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sys/stat.h>
#include <unistd.h>

#include <optional>
#include <vector>

namespace {

// Starts with '-' like an option: not "-" alone (standard output) and not a number.
bool looksLikeAnOption(const QString &value)
{
    return value.startsWith(QLatin1Char('-')) && value != QLatin1String("-")
           && !elu::parseDecimal(value);
}

QString optionAsValueError(const ValueOption &option, const QString &value)
{
    QString how =
        QStringLiteral("for a value that starts with -, write --%1=%2").arg(option.name, value);
    if (option.takesPath)
        how += QStringLiteral(" (or ./%1 for a file of that name)").arg(value);
    return QStringLiteral("--%1: a value is missing: '%2' is read as an option; %3.")
        .arg(option.name, value, how);
}

QString repeatedError(const QString &name, const QStringList &values)
{
    const QString times = values.size() == 2 ? QStringLiteral("twice")
                                             : QStringLiteral("%1 times").arg(values.size());
    return QStringLiteral("--%1 is given %2 (%3): give it once.")
        .arg(name, times, values.join(QStringLiteral(", ")));
}

// One output file: the option, its PATH as typed and the file it writes (a --json folder's
// file, or PATH itself).
struct Output
{
    QString option, path, file;

    QString describe() const
    {
        QString text = QStringLiteral("--%1 '%2'").arg(option, path);
        if (file != path)
            text += QStringLiteral(" (its file '%1')").arg(file);
        return text;
    }
};

// What two paths are compared by: standard output, the device and inode of an existing file,
// and the absolute path with the links of its existing folders resolved.
struct FileIdentity
{
    bool standardOutput = false;
    std::optional<std::pair<dev_t, ino_t>> inode;
    QString path;

    bool operator==(const FileIdentity &other) const
    {
        return (standardOutput && other.standardOutput) || (inode && inode == other.inode)
               || (!path.isEmpty() && path == other.path);
    }
};

// The absolute path, clean, with symbolic links resolved as far as the path exists: a file
// that is not there yet keeps its name inside its canonical parent folder.
QString resolvedPath(const QString &path)
{
    const QString absolute = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    QString head = absolute, tail;
    for (;;) {
        const QString canonical = QFileInfo(head).canonicalFilePath();
        if (!canonical.isEmpty())
            return tail.isEmpty() ? canonical : QDir(canonical).filePath(tail);
        const qsizetype slash = head.lastIndexOf(QLatin1Char('/'));
        if (slash <= 0)
            return absolute;
        tail = tail.isEmpty() ? head.mid(slash + 1) : head.mid(slash + 1) + QLatin1Char('/') + tail;
        head = head.left(slash);
    }
}

FileIdentity identify(const QString &path)
{
    FileIdentity identity;
    struct stat status = {};
    if (path == QLatin1String("-")) {
        identity.standardOutput = true;
        if (::fstat(STDOUT_FILENO, &status) == 0)
            identity.inode = {status.st_dev, status.st_ino};
        return identity;
    }
    identity.path = resolvedPath(path);
    const QString absolute = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    for (const char *name : {"/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"})
        identity.standardOutput = identity.standardOutput || absolute == QLatin1String(name);
    if (::stat(QFile::encodeName(path).constData(), &status) == 0)
        identity.inode = {status.st_dev, status.st_ino};
    return identity;
}

// As exportrunner.cpp: a --json path ending in '/' or naming a folder gets one file per curve.
bool isFolder(const QString &path)
{
    return path != QLatin1String("-")
           && (path.endsWith(QLatin1Char('/')) || QFileInfo(path).isDir());
}

std::vector<Output> outputsOf(const CommandLine &c)
{
    std::vector<Output> outputs;
    auto add = [&](const char *option, const QString &path) {
        if (!path.isEmpty())
            outputs.push_back({QString::fromLatin1(option), path, path});
    };
    if (isFolder(c.jsonPath)) {
        for (const QString &label : elu::curveLabels(c.spec.curves))
            outputs.push_back({QStringLiteral("json"), c.jsonPath,
                               QDir(c.jsonPath).filePath(label + QStringLiteral(".json"))});
    } else {
        add("json", c.jsonPath);
    }
    add("csv", c.csvPath);
    add("png", c.pngPath);
    add("svg", c.svgPath);
    add("pdf", c.pdfPath);
    add("tex", c.texPath);
    add("gif", c.gifPath);
    add("webp", c.webpPath);
    if (c.texData && !c.texPath.isEmpty())
        outputs.push_back({QStringLiteral("tex"), c.texPath, elu::texDataPath(c.texPath)});
    add("stats", c.statsPath);
    add("save-session", c.saveSessionPath);
    return outputs;
}

} // namespace

QString refusal(const QString &option, const QString &value, const QString &accepted)
{
    return QStringLiteral("--%1: '%2' is not accepted: %3.").arg(option, value, accepted);
}

QString argumentRulesError(const QStringList &arguments, const QCommandLineParser &parser,
                           const QList<ValueOption> &options)
{
    auto find = [&](const QString &name) -> const ValueOption * {
        for (const ValueOption &option : options) {
            if (option.name == name)
                return &option;
        }
        return nullptr;
    };
    // As QCommandLineParser reads them: "--name VALUE" takes the next argument whatever it is,
    // "--name=VALUE" does not; "--" alone ends the options.
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments[i];
        if (argument == QLatin1String("--"))
            break;
        if (!argument.startsWith(QLatin1String("--")) || argument.contains(QLatin1Char('=')))
            continue;
        const ValueOption *option = find(argument.mid(2));
        if (!option || i + 1 >= arguments.size())
            continue;
        if (looksLikeAnOption(arguments[++i]))
            return optionAsValueError(*option, arguments[i]);
    }
    for (const ValueOption &option : options) {
        const QStringList values = parser.values(option.name);
        if (!option.repeatable && values.size() > 1)
            return repeatedError(option.name, values);
    }
    return {};
}

QString sameOutputError(const CommandLine &commandLine)
{
    const std::vector<Output> outputs = outputsOf(commandLine);
    std::vector<FileIdentity> identities;
    for (const Output &output : outputs)
        identities.push_back(identify(output.file));
    for (std::size_t i = 0; i < outputs.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            if (!(identities[j] == identities[i]))
                continue;
            const QString which = identities[i].standardOutput && identities[j].standardOutput
                                      ? QStringLiteral("both write to standard output")
                                      : QStringLiteral("name the same file");
            return QStringLiteral("%1 and %2 %3: give each output its own path.")
                .arg(outputs[j].describe(), outputs[i].describe(), which);
        }
    }
    return {};
}
