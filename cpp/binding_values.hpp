// Generic embind conversions for cpp/bindings.cpp: the {value} / {error} envelope, a JS object
// read as the core's Spec, and fresh typed arrays and objects built from C++ values.
#pragma once
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "specs.hpp"

namespace alab::js {

using emscripten::val;

/// Envelope<&f>::call has f's parameters and returns {value: f(...)} or {error: message}.
template <auto Body>
struct Envelope;
template <class Result, class... Args, Result (*Body)(Args...)>
struct Envelope<Body> {
  static val call(Args... args) {
    val result = val::object();
    try {
      result.set("value", val(Body(args...)));
    } catch (const std::exception& error) {
      result.set("error", std::string(error.what()));
    } catch (...) {
      result.set("error", std::string("unexpected internal error"));
    }
    return result;
  }
};

// ---- JS to C++ ------------------------------------------------------------------------------

/// A JS option object as the core's Spec; absent objects read as empty.
class ValSpec final : public Spec {
 public:
  explicit ValSpec(val object) : object_(object.isUndefined() ? val::object() : object) {}
  bool has(const char* key) const override { return !object_[key].isUndefined(); }
  double number(const char* key) const override { return object_[key].as<double>(); }
  bool flag(const char* key) const override { return object_[key].as<bool>(); }
  std::string text(const char* key) const override { return object_[key].as<std::string>(); }
  std::vector<double> numbers(const char* key) const override { return numbersOf(object_[key]); }
  std::vector<std::string> texts(const char* key) const override {
    return emscripten::vecFromJSArray<std::string>(object_[key]);
  }
  std::unique_ptr<Spec> child(const char* key) const override { return std::make_unique<ValSpec>(object_[key]); }
  using Spec::number;
  static std::vector<double> numbersOf(const val& array) {
    return emscripten::convertJSArrayToNumberVector<double>(array);
  }

 private:
  val object_;
};

// ---- C++ to JS: fresh copies ----------------------------------------------------------------

template <class T>
val typedArray(const char* type, const std::vector<T>& values) {
  return val::global(type).new_(emscripten::typed_memory_view(values.size(), values.data()));
}
inline val doubles(const std::vector<double>& values) { return typedArray("Float64Array", values); }
inline val ints(const std::vector<int>& values) { return typedArray("Int32Array", values); }

inline void setFields(val&) {}
template <class T, class... Rest>
void setFields(val& target, const char* key, const T& value, const Rest&... rest) {
  target.set(key, val(value));
  setFields(target, rest...);
}
/// A JS object from key, value, key, value, ...
template <class... Fields>
val object(const Fields&... fields) {
  val result = val::object();
  setFields(result, fields...);
  return result;
}

/// One member of every row, as a Float64Array.
template <class Row>
val column(const std::vector<Row>& rows, double Row::*member) {
  std::vector<double> values;
  for (const Row& row : rows) values.push_back(row.*member);
  return doubles(values);
}

template <class List, class Convert>
val array(const List& list, Convert&& convert) {
  val result = val::array();
  for (const auto& item : list) result.call<void>("push", convert(item));
  return result;
}

}  // namespace alab::js
