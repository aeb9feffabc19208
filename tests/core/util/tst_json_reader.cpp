// The strict JSON reader: every rejection names the field's full path; unknown fields, wrong types
// and integers that do not fit are refused; absent fields keep their defaults.
#include <QtTest>
#include <cstdint>
#include <filesystem>

#include "core/util/atomic_file.h"
#include "core/util/errors.h"
#include "core/util/json_reader.h"

namespace glowscope {
namespace {

using Json = nlohmann::json;

// The path of the field a read rejects, or "" when nothing was rejected.
template <typename Read>
QString rejectedField(Read read) {
  try {
    read();
  } catch (const ConfigError& error) {
    return QString::fromStdString(error.field());
  }
  return {};
}

}  // namespace

class TstJsonReader : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void readsKnownFieldsAndKeepsDefaults() {
    const Json json = Json::parse(R"({"steps": 5, "rate": 0.5, "name": "x", "on": true,
                                      "sets": ["a", "b"], "seeds": [0, 3]})");
    JsonObjectReader reader(json, "");
    std::int64_t steps = 0;
    double rate = 0, absent = 7;
    std::string name;
    bool on = false;
    std::vector<std::string> sets;
    std::vector<std::uint64_t> seeds;
    reader.read("steps", steps);
    reader.read("rate", rate);
    reader.read("name", name);
    reader.read("on", on);
    reader.read("sets", sets);
    reader.read("seeds", seeds);
    reader.read("absent", absent);
    reader.finish();
    QCOMPARE(steps, std::int64_t{5});
    QCOMPARE(rate, 0.5);
    QCOMPARE(name, std::string("x"));
    QVERIFY(on);
    QCOMPARE(sets, (std::vector<std::string>{"a", "b"}));
    QCOMPARE(seeds, (std::vector<std::uint64_t>{0, 3}));
    QCOMPARE(absent, 7.0);
  }

  void readsAnObjectOfStrings() {
    const Json json = Json::parse(R"({"notes": {"a": "x", "b": "y"}, "bad": {"c": 1}})");
    JsonObjectReader reader(json, "spec");
    std::map<std::string, std::string> notes;
    reader.read("notes", notes);
    QCOMPARE(notes.at("b"), std::string("y"));
    QCOMPARE(rejectedField([&] { reader.read("bad", notes); }), QString("spec.bad.c"));
  }

  void unknownFieldIsReportedWithItsPath() {
    const Json json = Json::parse(R"({"learningRate": 1, "learningRat": 2})");
    QCOMPARE(rejectedField([&] {
               JsonObjectReader reader(json, "optimizer");
               double rate = 0;
               reader.read("learningRate", rate);
               reader.finish();
             }),
             QString("optimizer.learningRat"));
  }

  void wrongTypesAreRefused() {
    const Json json = Json::parse(R"({"n": "five", "x": true, "s": 3, "list": ["a", 1]})");
    JsonObjectReader reader(json, "models[1]");
    int n = 0;
    double x = 0;
    std::string s;
    std::vector<std::string> list;
    QCOMPARE(rejectedField([&] { reader.read("n", n); }), QString("models[1].n"));
    QCOMPARE(rejectedField([&] { reader.read("x", x); }), QString("models[1].x"));
    QCOMPARE(rejectedField([&] { reader.read("s", s); }), QString("models[1].s"));
    QCOMPARE(rejectedField([&] { reader.read("list", list); }), QString("models[1].list"));
    QVERIFY(list.empty());  // a rejected array leaves the value as it was
  }

  void integersMustFit() {
    const Json json = Json::parse(R"({"big": 3000000000, "negative": -1, "fraction": 1.5})");
    JsonObjectReader reader(json, "");
    int big = 0;
    std::uint64_t unsignedValue = 0;
    std::int64_t wide = 0;
    QCOMPARE(rejectedField([&] { reader.read("big", big); }), QString("big"));
    QCOMPARE(rejectedField([&] { reader.read("negative", unsignedValue); }), QString("negative"));
    QCOMPARE(rejectedField([&] { reader.read("fraction", wide); }), QString("fraction"));
    reader.read("big", wide);
    QCOMPARE(wide, std::int64_t{3000000000});
    // Integers set from code are signed even when non-negative.
    Json fromCode;
    fromCode["count"] = int{4};
    JsonObjectReader codeReader(fromCode, "");
    codeReader.read("count", unsignedValue);
    QCOMPARE(unsignedValue, std::uint64_t{4});
  }

  void requiredFieldsArraysAndObjects() {
    const Json json =
        Json::parse(R"({"runs": [{"name": "a"}, {"nme": "b"}], "config": {"k": 1}, "bad": 2})");
    JsonObjectReader reader(json, "");
    QCOMPARE(rejectedField([&] {
               std::string name;
               reader.require("name", name);
             }),
             QString("name"));
    std::vector<std::string> names;
    QCOMPARE(rejectedField([&] {
               reader.forEach("runs", [&](const Json& item, const std::string& path) {
                 JsonObjectReader run(item, path);
                 std::string name;
                 run.require("name", name);
                 names.push_back(name);
               });
             }),
             QString("runs[1].name"));
    QCOMPARE(names, (std::vector<std::string>{"a"}));
    Json config;
    reader.readObject("config", config);
    QCOMPARE(config["k"].get<int>(), 1);
    QCOMPARE(rejectedField([&] { reader.readObject("bad", config); }), QString("bad"));
    QCOMPARE(rejectedField([] { JsonObjectReader notAnObject(Json::array(), "losses"); }),
             QString("losses"));
  }

  void fileErrorsNameTheFile() {
    const auto path = std::filesystem::temp_directory_path() /
                      ("glowscope-json-" + std::to_string(QRandomGenerator::global()->generate()));
    writeFileAtomically(path, std::string("{\"a\": "));
    try {
      readJsonFile(path);
      QFAIL("expected a FileError");
    } catch (const FileError& error) {
      QCOMPARE(error.path(), path.string());
    }
    writeFileAtomically(path, std::string("{\"a\": 1}"));
    QCOMPARE(readJsonFile(path)["a"].get<int>(), 1);
    std::filesystem::remove(path);
    QVERIFY_THROWS_EXCEPTION(FileError, readJsonFile(path));
  }
};

}  // namespace glowscope

QTEST_GUILESS_MAIN(glowscope::TstJsonReader)
#include "tst_json_reader.moc"
