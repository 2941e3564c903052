// main() of a test group's executable (test_main.h): `qx_tests_core tst_gguf [QtTest options]` runs the test
// class registered by tests/core/tst_gguf.cpp as its own QTEST_*MAIN would.
#include "common/test_main.h"

#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#if defined(QT_WIDGETS_LIB)
#include <QApplication>
#elif defined(QT_GUI_LIB)
#include <QGuiApplication>
#endif

namespace qx::test {
namespace {

struct Registration {
    Application application;
    InitMain initMain;
    RunTest run;
};

std::map<std::string, Registration>& registry()
{
    static std::map<std::string, Registration> tests;
    return tests;
}

int runWithApplication(const Registration& test, int argc, char** argv)
{
    switch (test.application) {
    case Application::None:
        return test.run(argc, argv);
    case Application::Core: {
        QCoreApplication app(argc, argv);
        app.setAttribute(Qt::AA_Use96Dpi, true);
        return test.run(argc, argv);
    }
    case Application::Default: {
#if defined(QT_WIDGETS_LIB)
        QApplication app(argc, argv);
#elif defined(QT_GUI_LIB)
        QGuiApplication app(argc, argv);
#else
        QCoreApplication app(argc, argv);
#endif
        app.setAttribute(Qt::AA_Use96Dpi, true);
        return test.run(argc, argv);
    }
    }
    return 1;
}

} // namespace

bool registerTest(const char* sourceFile, Application application, InitMain initMain, RunTest run)
{
    registry()[std::filesystem::path(sourceFile).stem().string()] = {application, initMain, run};
    return true;
}

} // namespace qx::test

int main(int argc, char** argv)
{
    const auto& tests = qx::test::registry();
    const auto found = argc >= 2 ? tests.find(argv[1]) : tests.end();
    if (found == tests.end()) {
        if (argc >= 2)
            std::fprintf(stderr, "no test named %s\n", argv[1]);
        std::fprintf(stderr, "usage: %s TEST [QtTest options]\ntests in this program:\n", argv[0]);
        for (const auto& [name, test] : tests)
            std::fprintf(stderr, "  %s\n", name.c_str());
        return 2;
    }
    // The test sees itself as the program: argv[0] names the test (Qt takes the application name from it, as
    // when each test was its own executable), and QtTest reads the options after it.
    std::string self = (std::filesystem::path(argv[0]).parent_path() / found->first).string();
    std::vector<char*> args{self.data()};
    for (int i = 2; i < argc; ++i)
        args.push_back(argv[i]);
    args.push_back(nullptr);
    int testArgc = argc - 1;
    found->second.initMain();
    return qx::test::runWithApplication(found->second, testArgc, args.data());
}
