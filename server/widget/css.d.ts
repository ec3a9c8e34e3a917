/** scripts/build-widget.mjs turns each imported stylesheet into its minified text. */
declare module "*.css" {
  const css: string;
  export default css;
}
