#pragma once
// What the analysis views work on: one model and two images a and b. The Analysis page holds one
// set of pickers for all its tabs (load a model once, change a in one tab and every tab has it);
// a view made without them (alone, in a test) makes and shows its own.
namespace glowscope {

class ImagePicker;
class ModelPicker;

struct AnalysisInputs {
  ModelPicker* model = nullptr;   ///< null: the view makes its own
  ImagePicker* imageA = nullptr;  ///< null (with imageB): the view makes its own pair
  ImagePicker* imageB = nullptr;
  bool sharesImages() const { return imageA && imageB; }
};

}  // namespace glowscope
