export { Alert, type AlertProps, type AlertTone } from "./alert";
export { Badge, type BadgeProps, type BadgeTone } from "./badge";
export {
  Button,
  type ButtonProps,
  type ButtonSize,
  type ButtonStyleOptions,
  type ButtonVariant,
  buttonStyles,
} from "./button";
export { Card, cardStyles } from "./card";
export { cx } from "./cx";
export { Dialog, type DialogProps } from "./dialog";
export { EmptyState, type EmptyStateProps } from "./empty-state";
export { Field, type FieldControlProps, type FieldProps, Input, Textarea } from "./field";
export { focusRing } from "./focus";
export { formatPrice } from "./format";
export * from "./icons";
export { Price } from "./price";
export { QuantityStepper, type QuantityStepperProps } from "./quantity-stepper";
export { Skeleton } from "./skeleton";
export { Spinner } from "./spinner";
export { type Step, Steps, type StepsProps } from "./steps";
export { Switch, type SwitchProps } from "./switch";
export { ToggleChip, type ToggleChipProps } from "./toggle-chip";
