// Vite's `?raw` imports: the message catalogs (locales/*.ftl) as text.
declare module '*.ftl?raw' {
  const text: string;
  export default text;
}
