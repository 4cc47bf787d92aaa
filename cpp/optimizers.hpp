// The optimisers a training run can use: SGD with classic momentum, Adam (Kingma & Ba 2015,
// bias-corrected) and RMSprop (Hinton's lecture 6e). Each updates one block of parameters in
// place from its gradient and two state buffers of the same size.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace alab {

enum class Optimizer { Sgd, Adam, RmsProp };

/// "sgd", "adam", "rmsprop".
const char* optimizerName(Optimizer optimizer);
/// The optimiser named `name`; throws std::invalid_argument listing the known names otherwise.
Optimizer optimizerFromName(const std::string& name);
/// Every optimiser, in display order.
const std::vector<Optimizer>& optimizers();

/// The constants of one update. L2 enters as g + l2 w (coupled weight decay, also for Adam).
struct OptimizerStep {
  Optimizer kind = Optimizer::Sgd;
  double rate = 0.03;
  double momentum = 0;                         // sgd: v = momentum v - rate g, w += v
  double beta1 = 0.9, beta2 = 0.999;           // adam's moment decays
  double rho = 0.9;                            // rmsprop's decay of the mean square
  double epsilon = 1e-8;                       // adam and rmsprop: w -= rate m / (sqrt(s) + epsilon)
  double correction1 = 1, correction2 = 1;     // adam: 1 - beta1^t and 1 - beta2^t at step t
};

/// What one block's update did.
struct BlockUpdate {
  bool finite = true;        // every parameter is finite afterwards
  double squaredStep = 0;    // sum of the squared changes of the parameters
};

/// Updates n parameters w from gradient g (cleared afterwards) with state `first` (sgd: the
/// velocity; adam: the first moment) and `second` (adam and rmsprop: the mean square).
BlockUpdate updateBlock(const OptimizerStep& step, double* w, double* g, double* first, double* second, std::size_t n,
                        double l2);

}  // namespace alab
