// Sentence segmentation through the public API (ICU stays hidden).
#include <newsx/newsx.hpp>

#include <iostream>

int main() {
  newsx::extractor ex;
  const char* text = "央行今日发布新规。市场反应积极！分析师怎么看？";
  const auto sentences = ex.sentences(text);
  for (std::string_view s : sentences) std::cout << s << '\n';
  std::cout << sentences.size() << " sentences\n";
  return sentences.size() == 3 ? 0 : 1;
}
