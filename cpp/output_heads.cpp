#include "output_heads.hpp"

#include <stdexcept>

namespace alab {

const char* outputHeadName(OutputHead head) {
  switch (head) {
    case OutputHead::TanhSquaredError: return "tanh_mse";
    case OutputHead::SigmoidSquaredError: return "sigmoid_mse";
    case OutputHead::SigmoidCrossEntropy: return "sigmoid_cross_entropy";
    case OutputHead::SoftmaxCrossEntropy: return "softmax_cross_entropy";
    case OutputHead::LinearSquaredError: return "linear_mse";
  }
  throw std::invalid_argument("unknown output head " + std::to_string(static_cast<int>(head)));
}

const std::vector<OutputHead>& outputHeads() {
  static const std::vector<OutputHead> heads{OutputHead::SigmoidCrossEntropy, OutputHead::TanhSquaredError,
                                             OutputHead::SoftmaxCrossEntropy, OutputHead::SigmoidSquaredError,
                                             OutputHead::LinearSquaredError};
  return heads;
}

OutputHead outputHeadFromName(const std::string& name) {
  for (const OutputHead head : outputHeads())
    if (name == outputHeadName(head)) return head;
  throw std::invalid_argument("unknown output head '" + name +
                              "'; known: tanh_mse, sigmoid_mse, sigmoid_cross_entropy, softmax_cross_entropy, linear_mse");
}

}  // namespace alab
