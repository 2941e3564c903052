#pragma once
// Where tests find ../shared (models, texts, llama.cpp reference outputs): $QEXPLORE_DATA if set, else the
// folder `shared` beside the source checkout. Tests that need it call QX_REQUIRE_SHARED, which skips with
// a clear message when the file is absent, so a user's clone without the data still passes — except in the
// strict mode CI uses (QX_REQUIRE_DATA=1, set by .ci/run), where absent data fails the test: a missing
// ../shared must never turn tests into silent passes.

#include <QtTest/QtTest>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace qx::test {

inline std::string sharedDir()
{
    if (const char* env = std::getenv("QEXPLORE_DATA"); env && *env)
        return env;
    return (std::filesystem::path(QX_SOURCE_DIR) / ".." / "shared").lexically_normal().string();
}

/// Absolute path of a file under the shared data folder (whether or not it exists).
inline std::string sharedPath(const std::string& relative)
{
    return (std::filesystem::path(sharedDir()) / relative).string();
}

/// True when absent test data (or a missing reference tool) must fail instead of skipping.
inline bool dataRequired()
{
    const char* env = std::getenv("QX_REQUIRE_DATA");
    return env && *env && std::string(env) != "0";
}

/// A scratch directory for one test binary, under the build tree.
inline std::string scratchDir(const std::string& name)
{
    auto dir = std::filesystem::path(QX_BINARY_DIR) / "test-scratch" / name;
    std::filesystem::create_directories(dir);
    return dir.string();
}

} // namespace qx::test

/// Skips with `message`, or fails with it under QX_REQUIRE_DATA=1.
#define QX_SKIP_WITHOUT_DATA(message)                                                                        \
    do {                                                                                                     \
        if (qx::test::dataRequired())                                                                        \
            QFAIL(qPrintable(QStringLiteral("QX_REQUIRE_DATA=1: ") + (message)));                            \
        QSKIP(qPrintable(message));                                                                          \
    } while (false)

/// Declares `var` as the absolute path of `relative` under ../shared, or skips the test when it is absent
/// (fails under QX_REQUIRE_DATA=1).
#define QX_REQUIRE_SHARED(var, relative)                                                                     \
    const std::string var = qx::test::sharedPath(relative);                                                  \
    if (!std::filesystem::exists(var))                                                                       \
        QX_SKIP_WITHOUT_DATA(QStringLiteral("shared data not found: %1 (set QEXPLORE_DATA or place shared/ beside the checkout)") \
                                 .arg(QString::fromStdString(var)))
