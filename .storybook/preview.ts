// Every story gets a docs page, and a toolbar that switches the widgets' colour scheme.

import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
// PL-1: docs tables and controls (properties, attributes, events, parts, CSS properties) come from
// the widgets' custom-elements manifest; `npm run storybook` and `build-storybook` write it first.
import manifest from '../packages/widgets/custom-elements.json';

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
  },
  decorators: [
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
