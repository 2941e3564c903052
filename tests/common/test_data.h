#pragma once
// Where tests find ../shared (models, texts, llama.cpp reference outputs): $QEXPLORE_DATA if set, else the
// folder `shared` beside the source checkout. Tests that need it call QX_REQUIRE_SHARED, which skips with
// a clear message when the file is absent, so a user's clone without the data still passes.

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

/// A scratch directory for one test binary, under the build tree.
inline std::string scratchDir(const std::string& name)
{
    auto dir = std::filesystem::path(QX_BINARY_DIR) / "test-scratch" / name;
    std::filesystem::create_directories(dir);
    return dir.string();
}

} // namespace qx::test

/// Declares `var` as the absolute path of `relative` under ../shared, or skips the test when it is absent.
#define QX_REQUIRE_SHARED(var, relative)                                                                     \
    const std::string var = qx::test::sharedPath(relative);                                                  \
    if (!std::filesystem::exists(var))                                                                       \
        QSKIP(qPrintable(QStringLiteral("shared data not found: %1 (set QEXPLORE_DATA or place shared/ beside the checkout)") \
                             .arg(QString::fromStdString(var))))
