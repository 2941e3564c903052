// Test files share a few executables (one per group, tests/CMakeLists.txt): a file registers its test class
// with QX_TEST_MAIN, QX_TEST_GUILESS_MAIN or QX_TEST_APPLESS_MAIN where QtTest's QTEST_*MAIN would define
// main(), and ctest starts the group's executable with the test's name (the file's name) as first argument.
// Linking one executable per group instead of one per file saves the build most of its moc runs and links.
#pragma once

#include <QtTest/QtTest>

namespace qx::test {

/// The application object a test runs in, as QtTest's three main macros create it.
enum class Application {
    None,      ///< QTEST_APPLESS_MAIN: none
    Core,      ///< QTEST_GUILESS_MAIN: QCoreApplication
    Default,   ///< QTEST_MAIN: QApplication with widgets, QGuiApplication with Gui, else QCoreApplication
};

using InitMain = void (*)();
using RunTest = int (*)(int argc, char** argv);

/// Registers the test class defined in `sourceFile` under the file's base name; returns true.
bool registerTest(const char* sourceFile, Application application, InitMain initMain, RunTest run);

} // namespace qx::test

#define QX_TEST_REGISTER_(TestObject, application)                                                        \
    namespace {                                                                                            \
    const bool qxTestRegistered = ::qx::test::registerTest(                                                \
        __FILE__, application, [] { QTest::Internal::callInitMain<TestObject>(); },                        \
        [](int argc, char** argv) {                                                                        \
            TestObject tc;                                                                                 \
            QTEST_SET_MAIN_SOURCE_PATH                                                                     \
            return QTest::qExec(&tc, argc, argv);                                                          \
        });                                                                                                \
    }

#define QX_TEST_MAIN(TestObject) QX_TEST_REGISTER_(TestObject, ::qx::test::Application::Default)
#define QX_TEST_GUILESS_MAIN(TestObject) QX_TEST_REGISTER_(TestObject, ::qx::test::Application::Core)
#define QX_TEST_APPLESS_MAIN(TestObject) QX_TEST_REGISTER_(TestObject, ::qx::test::Application::None)
