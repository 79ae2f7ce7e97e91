// Every story gets a docs page, and toolbars that switch the widgets' colour scheme, language and direction.

import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
// PL-1: docs tables and controls (properties, attributes, events, parts, CSS properties) come from
// the widgets' custom-elements manifest; `npm run storybook` and `build-storybook` write it first.
import manifest from '../packages/widgets/custom-elements.json';
import { setActiveLocale } from '@cc-elements/widgets';

setCustomElementsManifest(manifest);

const preview: Preview = {
  tags: ['autodocs'],
  globalTypes: {
    theme: {
      description: 'Colour scheme of the widgets (their `theme` attribute)',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'auto', title: 'Auto (follow the system)' },
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
    // PL-4: the language of every widget on the page (lit-localize's is page-wide), and the page's direction.
    locale: {
      description: 'Language of the widgets (what <cc-provider locale> or client.setLocale() set)',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'fr', title: 'Français' },
          { value: 'ro', title: 'Română' },
        ],
        dynamicTitle: true,
      },
    },
    direction: {
      description: 'Page direction, to check right-to-left layouts',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en', direction: 'ltr' },
  decorators: [
    // PL-4: the language and direction picked in the toolbars apply to every story.
    (story, { globals }) => {
      const locale: unknown = globals['locale'];
      void setActiveLocale(typeof locale === 'string' ? locale : 'en');
      document.documentElement.dir = globals['direction'] === 'rtl' ? 'rtl' : 'ltr';
      return story();
    },
    // Every story renders `theme=${args.theme}`; a theme picked in the toolbar wins over the story's.
    (story, { globals, args }) => {
      const theme: unknown = globals['theme'];
      return theme === 'auto' || theme === 'light' || theme === 'dark' ? story({ args: { ...args, theme } }) : story();
    },
  ],
  parameters: {
    // The stories draw their own page (a themed surface), edge to edge.
    layout: 'fullscreen',
    controls: { expanded: true },
  },
};

export default preview;
