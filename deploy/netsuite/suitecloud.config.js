// SuiteCloud CLI settings: the project files live in src/.
module.exports = {
  defaultProjectFolder: "src",
  commands: {},
};
