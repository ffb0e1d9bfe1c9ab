// Stands in for gray-matter's lib/engines.js in the bundle (tools/bundle.mjs). istanbul-talks
// passes its own engine for every language on every call (src/corpus/front-matter.ts), so the
// built-in ones — js-yaml, JSON, and JavaScript through eval — are never used: the bundle ships
// engines that refuse instead, and neither js-yaml nor an eval.
'use strict';

function refuse(language) {
  const fail = () => {
    throw new Error(`front matter in ${language} is not read by istanbul-talks`);
  };
  return { parse: fail, stringify: fail };
}

module.exports = { yaml: refuse('yaml'), json: refuse('json'), javascript: refuse('javascript') };
